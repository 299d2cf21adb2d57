namespace BeMore.Bench.Micro;

/// <summary>Counseling-style sentences, English and Korean, with and without distortions and emotion words.</summary>
public static class Sentences
{
    public static readonly string[] English =
    [
        "I always mess everything up, nothing I do ever works out.",
        "If I fail this exam my whole life will be ruined.",
        "Today I talked with my sister and it went better than I expected.",
        "I feel so anxious before every meeting that I can barely breathe.",
        "They probably think I am stupid because I paused before answering.",
        "I should be able to handle this on my own without anyone's help.",
        "The weather was nice so we walked along the river for an hour.",
        "I am really not angry, I am just tired of being ignored.",
    ];

    public static readonly string[] Korean =
    [
        "나는 항상 모든 걸 망쳐요, 제대로 되는 게 하나도 없어요.",
        "이번 시험에 떨어지면 내 인생은 완전히 끝이에요.",
        "오늘 언니랑 이야기했는데 생각보다 훨씬 괜찮았어요.",
        "회의 전에는 너무 불안해서 숨을 쉬기가 힘들어요.",
        "다들 내가 바보라고 생각할 거예요.",
        "이 정도는 누구 도움 없이 혼자 해결해야 해요.",
    ];
}
