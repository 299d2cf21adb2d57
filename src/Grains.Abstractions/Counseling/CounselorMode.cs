namespace BeMore.Grains.Abstractions.Counseling;

/// <summary>
/// When the counselor answers, chosen when the session starts (<c>counselor.mode</c>): never, when asked
/// (<c>AskCounselor</c>), or also by itself after each finished user turn once the user has fallen silent.
/// </summary>
[GenerateSerializer, Alias("bemore.CounselorMode")]
public enum CounselorMode
{
    OnRequest = 0,
    Off = 1,
    Auto = 2,
}

public static class CounselorModes
{
    public const string OffCode = "off";
    public const string OnRequestCode = "onRequest";
    public const string AutoCode = "auto";

    public static CounselorMode Parse(string? code) => code switch
    {
        OffCode => CounselorMode.Off,
        AutoCode => CounselorMode.Auto,
        _ => CounselorMode.OnRequest,
    };
}
