using MMFuse.IO;

namespace MMFuse.Tests.IO;

public sealed class CsvFieldTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    public void A_cell_a_spreadsheet_would_run_gets_a_leading_quote_and_csv_quoting(string cell, string written) =>
        Assert.Equal(written, CsvField.Text(cell));

    [Theory]
    [InlineData("cat")]
    [InlineData("-1")]
    [InlineData("+0.5")]
    [InlineData("-1.5e-3")]
    [InlineData("a-b")]
    [InlineData("")]
    public void Plain_text_and_plain_numbers_stay_as_they_are(string cell) => Assert.Equal(cell, CsvField.Text(cell));

    [Fact]
    public void A_comma_quote_or_line_break_is_quoted() =>
        Assert.Equal("\"a,\"\"b\"\"\nc\"", CsvField.Text("a,\"b\"\nc"));
}
