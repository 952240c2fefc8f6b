using MMFuse.Features.Text;

namespace MMFuse.Tests.Features.Text;

public sealed class TextLengthsTests
{
    [Fact]
    public void The_median_of_the_non_blank_texts_decides_whether_a_column_is_long()
    {
        var longText = new string('a', TextLengths.LongTextCharacters + 1);
        string?[] mostlyShort = ["ab", "abcd", longText, null, "  "];
        string?[] mostlyLong = [longText, longText, "ab", null];

        Assert.Equal(4, TextLengths.MedianCharacters(mostlyShort));
        Assert.False(TextLengths.AreLong(mostlyShort));
        Assert.True(TextLengths.AreLong(mostlyLong));
        Assert.False(TextLengths.AreLong([new string('a', TextLengths.LongTextCharacters)]));
        Assert.Equal(0, TextLengths.MedianCharacters([null, ""]));
    }
}
