using BeMore.Tests.Llm;
using Microsoft.AspNetCore.Hosting;

namespace BeMore.Tests.Counseling;

/// <summary>
/// The server with the counselor's LLM pointed at the loopback <see cref="FakeChatServer"/>: the first words must come
/// within 3 s, auto mode answers after 3 s of silence, and pieces of a stream may be 30 s apart.
/// </summary>
public sealed class CounselorWebFactory : LlmWebFactory
{
    protected override void ConfigureLlm(IWebHostBuilder builder)
    {
        builder.UseSetting("BeMore:Llm:Timeout", "00:00:30");
        builder.UseSetting("BeMore:Counselor:FirstTokenTimeout", "00:00:03");
        builder.UseSetting("BeMore:Counselor:SilenceDelay", "00:00:03");
    }
}
