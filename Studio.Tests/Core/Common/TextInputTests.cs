using Studio.Core.Common;

namespace Studio.Tests.Core.Common;

public sealed class TextInputTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("  hello  ", "hello")]
    [InlineData("line one\nline two", "line one line two")]
    [InlineData("bell\u0007 and null\u0000", "bell and null")]
    [InlineData("café crème ✨", "café crème ✨")]
    public void Clean_TrimsAndDropsControlCharacters(string? input, string expected) =>
        TextInput.Clean(input).Should().Be(expected);
}
