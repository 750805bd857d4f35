using Studio.Core.Assets;

namespace Studio.Tests.Core.Assets;

public sealed class UploadFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd.png")]
    [InlineData("..\\x.png")]
    [InlineData("/etc/passwd")]
    [InlineData("C:x.png")]
    [InlineData("..")]
    [InlineData("a\0b.png")]
    [InlineData("a\nb.png")]
    [InlineData("invoice\u202Egnp.exe")]
    [InlineData("zero\u200Bwidth.png")]
    public void Check_HostileName_RefusedWithAReason(string name)
    {
        UploadFileName.Check(name, 255, SniffedType.Png, CoreLocalizers.For(typeof(UploadFileName)), out var problem).Should().BeNull();
        problem.Should().NotBeEmpty();
    }

    [Fact]
    public void Check_LoneSurrogate_Refused()
    {
        UploadFileName.Check("broken" + '\uD800' + ".png", 255, SniffedType.Png, CoreLocalizers.For(typeof(UploadFileName)), out var problem).Should().BeNull();
        problem.Should().Contain("surrogate");
    }

    [Fact]
    public void Check_LongerThanTheLimit_Refused()
    {
        UploadFileName.Check(new string('a', 256), 255, SniffedType.Png, CoreLocalizers.For(typeof(UploadFileName)), out var problem).Should().BeNull();
        problem.Should().Contain("256 characters");
    }

    [Theory]
    [InlineData("Café menu (final).png", "Café menu (final).png")]
    [InlineData("  spaced.png  ", "spaced.png")]
    [InlineData("trailing.dots...", "trailing.dots")]
    [InlineData(null, "upload.png")]
    [InlineData("", "upload.png")]
    public void Check_OrdinaryName_KeptCleaned(string? name, string kept)
    {
        UploadFileName.Check(name, 255, SniffedType.Png, CoreLocalizers.For(typeof(UploadFileName)), out _).Should().Be(kept);
    }
}
