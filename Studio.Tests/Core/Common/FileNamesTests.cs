using Studio.Core.Common;

namespace Studio.Tests.Core.Common;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("3 Django tips for beginners", "3-django-tips-for-beginners")]
    [InlineData("Crème brûlée — fast!", "creme-brulee-fast")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("✨✨", "video")]
    public void Slug_MakesSafeAsciiNames(string title, string expected) =>
        FileNames.Slug(title).Should().Be(expected);
}
