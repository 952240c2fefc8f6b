using MMFuse.Data;
using MMFuse.Evaluation;

namespace MMFuse.Tests.Evaluation;

public sealed class LeaveOneGroupOutTests
{
    [Fact]
    public void Each_group_is_the_test_part_exactly_once_in_ordinal_group_order()
    {
        string[] groups = ["b", "a", "c", "a", "b", "c", "c"];
        var folds = Splitter.Split(new SplitSpec(SplitKind.LeaveOneGroupOut, Seed: 3), groups.Length, groups: groups);
        Assert.Equal(3, folds.Count);
        Assert.Equal([[1, 3], [0, 4], [2, 5, 6]], folds.Select(f => f.Test));
        Assert.All(folds, f => Assert.Equal(Enumerable.Range(0, 7).Except(f.Test), f.Train));
        Assert.Equal("logo", new SplitSpec(SplitKind.LeaveOneGroupOut).Name);
    }

    [Fact]
    public void One_group_or_repeats_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Splitter.Split(new SplitSpec(SplitKind.LeaveOneGroupOut), 3, groups: ["a", "a", "a"]));
        Assert.Throws<ArgumentException>(() => Splitter.Split(new SplitSpec(SplitKind.LeaveOneGroupOut, Repeats: 2), 3, groups: ["a", "b", "a"]));
    }

    [Fact]
    public void A_side_table_gives_each_row_its_group_and_names_a_row_it_lacks()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("meta.csv", "id,voice\n1,en-us\n2,en-gb\n3,en-us\n");
        var lookup = SideTable.Lookup(path, "id", "voice");
        Assert.Equal(["en-gb", "en-us"], SideTable.Join(lookup, ["2", "3"], [1, 2], "meta.csv"));
        var error = Assert.Throws<MMFuseInputException>(() => SideTable.Join(lookup, ["1", "9"], [1, 2], "meta.csv"));
        Assert.Contains("row 2: id '9' is not in meta.csv", error.Message);
        Assert.Contains("no column 'speaker'", Assert.Throws<MMFuseInputException>(() => SideTable.Lookup(path, "id", "speaker")).Message);
    }
}
