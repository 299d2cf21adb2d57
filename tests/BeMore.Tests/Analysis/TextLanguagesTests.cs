using BeMore.Domain.Analysis;

namespace BeMore.Tests.Analysis;

public sealed class TextLanguagesTests
{
    [Theory]
    [InlineData("hello there", TextLanguage.English)]
    [InlineData("오늘 기분이 좋아", TextLanguage.Korean)]
    [InlineData("I had 떡볶이 for lunch", TextLanguage.Korean)]
    [InlineData("", TextLanguage.English)]
    public void Detect_Text_KoreanWhenAnyHangul(string text, TextLanguage expected)
    {
        Assert.Equal(expected, TextLanguages.Detect(text));
    }

    [Theory]
    [InlineData("ko", "hello", TextLanguage.Korean)]
    [InlineData("ko-KR", "hello", TextLanguage.Korean)]
    [InlineData("EN", "안녕", TextLanguage.English)]
    [InlineData(null, "안녕", TextLanguage.Korean)]
    [InlineData("fr", "bonjour", TextLanguage.English)]
    [InlineData("ja", "안녕하세요", TextLanguage.Korean)]
    public void Resolve_CodeAndText_PrefersSupportedCodeElseDetects(string? code, string text, TextLanguage expected)
    {
        Assert.Equal(expected, TextLanguages.Resolve(code, text));
    }

    [Fact]
    public void ToCode_Languages_AreTheApiCodes()
    {
        Assert.Equal("ko", TextLanguage.Korean.ToCode());
        Assert.Equal("en", TextLanguage.English.ToCode());
    }
}
