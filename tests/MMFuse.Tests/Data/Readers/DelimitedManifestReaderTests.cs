using System.Text;
using MMFuse.Data;

namespace MMFuse.Tests.Data.Readers;

public sealed class DelimitedManifestReaderTests
{
    [Fact]
    public void Quoted_fields_keep_delimiters_quotes_and_newlines()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("m.csv", "id,text,n\r\n1,\"hello, \"\"world\"\"\nsecond line\",3.5\r\n2,plain,4\r\n");
        var (columns, rows) = ManifestRows.ReadAll(path);
        Assert.Equal(["id", "text", "n"], columns);
        Assert.Equal(2, rows.Count);
        Assert.Equal("hello, \"world\"\nsecond line", rows[0].Values[1]);
        Assert.Equal("3.5", rows[0].Values[2]);
        Assert.Equal(2, rows[1].Number);
        Assert.Equal(4, rows[1].Line); // the first record spans lines 2 and 3
    }

    [Fact]
    public void Byte_order_mark_is_not_part_of_the_first_column_name()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bom.csv");
        File.WriteAllText(path, "label,x\na,1\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(3, File.ReadAllBytes(path).Length - "label,x\na,1\n".Length);
        var (columns, rows) = ManifestRows.ReadAll(path);
        Assert.Equal("label", columns[0]);
        Assert.Single(rows);
    }

    [Fact]
    public void Empty_trailing_lines_are_not_rows()
    {
        using var dir = new TempDirectory();
        var (_, rows) = ManifestRows.ReadAll(dir.Write("t.csv", "a,b\n1,2\n\n\r\n"));
        Assert.Single(rows);
    }

    [Fact]
    public void Missing_values_are_null_whatever_their_spelling()
    {
        using var dir = new TempDirectory();
        var (_, rows) = ManifestRows.ReadAll(dir.Write("t.csv", "a,b,c,d\n,\"\",NA,  x  \n"));
        ManifestRows.AssertValues(rows[0].Values, null, null, null, "x");
    }

    [Fact]
    public void Tab_separated_files_split_on_tabs_only()
    {
        using var dir = new TempDirectory();
        var (columns, rows) = ManifestRows.ReadAll(dir.Write("t.tsv", "name\tnote\nx\thas, a comma\n"));
        Assert.Equal(["name", "note"], columns);
        Assert.Equal("has, a comma", rows[0].Values[1]);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_flagged_with_its_row()
    {
        using var dir = new TempDirectory();
        var (_, rows) = ManifestRows.ReadAll(dir.Write("t.csv", "a,b\n1,2\n1,2,3\n"));
        Assert.Null(rows[0].StructuralError);
        Assert.Equal("has 3 fields but the header has 2", rows[1].StructuralError);
        Assert.Equal(2, rows[1].Number);
    }

    [Fact]
    public void An_unclosed_quote_is_flagged()
    {
        using var dir = new TempDirectory();
        var (_, rows) = ManifestRows.ReadAll(dir.Write("t.csv", "a,b\n1,\"open\n"));
        Assert.Contains("not closed", rows[0].StructuralError);
    }

    [Fact]
    public void Text_that_is_not_utf8_is_a_clear_input_error()
    {
        using var dir = new TempDirectory();
        var path = dir.File("latin1.csv");
        File.WriteAllBytes(path, [.. "a,b\n1,caf"u8, 0xE9, (byte)'\n']);
        var error = Assert.Throws<MMFuseInputException>(() => ManifestRows.ReadAll(path));
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Text_that_is_not_utf8_names_the_line_it_is_on(string lineEnd)
    {
        using var dir = new TempDirectory();
        var path = dir.File("latin1.csv");
        var text = string.Join(lineEnd, "a,b", "1,x", "2,\"two\nlines\"", "3,z", "4,caf");
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes(text), 0xE9, (byte)'\n', .. "5,ok\n"u8]);
        var error = Assert.Throws<MMFuseInputException>(() => ManifestRows.ReadAll(path));
        Assert.StartsWith("line 6: the manifest is not valid UTF-8", error.Message); // the quoted field spans lines 3 and 4
    }

    [Fact]
    public void Duplicate_header_names_are_rejected()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<MMFuseInputException>(() => ManifestRows.ReadAll(dir.Write("t.csv", "a,a\n1,2\n")));
        Assert.Contains("'a' appears more than once", error.Message);
    }
}
