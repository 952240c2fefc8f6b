using MMFuse.Data;

namespace MMFuse.Tests.Data;

public sealed class BadRowsReportTests
{
    [Fact]
    public void Column_names_and_reasons_that_start_like_a_formula_are_neutralised()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bad-rows.csv");
        BadRowsReport.Write(path, [new DataIssue(3, 4, "=cmd|' /C calc'!A0", "@SUM(1+1)")], [new DataIssue(7, 8, "-x", "+y")]);
        var lines = File.ReadAllLines(path);
        Assert.Equal("3,4,'=cmd|' /C calc'!A0,skipped,'@SUM(1+1)", lines[1]);
        Assert.Equal("7,8,'-x,missing,'+y", lines[2]);
    }
}
