using Ops.Dashboard.Problems;

namespace Ops.Dashboard.Tests.Problems;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("王秀英")]
    [InlineData("Li Ming-Wang (3)")]
    [InlineData("emoji 😀 ok")]
    [InlineData("")]
    public void Ordinary_text_is_clean(string text) => Assert.True(TextRules.IsClean(text));

    [Theory]
    [InlineData("a\u0000b")]
    [InlineData("a\u0007b")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    [InlineData("del\u007F")]
    [InlineData("c1\u0085")]
    [InlineData("admin\u202Egnp.exe")]
    [InlineData("\u202Aembedded")]
    [InlineData("isolate\u2066x\u2069")]
    public void Controls_bidi_overrides_and_lone_surrogates_are_refused(string text) => Assert.False(TextRules.IsClean(text));

    [Fact]
    public void A_lone_surrogate_is_refused() => Assert.False(TextRules.IsClean("lone " + (char)0xD800 + " surrogate"));

    [Theory]
    [InlineData("first line\nsecond line\r\n\tindented")]
    public void Multi_line_texts_keep_line_breaks_and_tabs(string text)
    {
        Assert.True(TextRules.IsClean(text, multiLine: true));
        Assert.False(TextRules.IsClean(text + "\u202E", multiLine: true));
        Assert.False(TextRules.IsClean(text + "\u0001", multiLine: true));
    }

    [Fact]
    public void A_quote_is_the_start_of_the_value_with_refused_characters_shown_as_replacements()
    {
        Assert.Equal("'short'", TextRules.Quote("short"));
        Assert.Equal("'" + new string('x', TextRules.QuotedPrefix) + "…'", TextRules.Quote(new string('x', 5000)));
        Assert.Equal("'a\uFFFDb'", TextRules.Quote("a\u202Eb"));
    }
}
