using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Preprocessing;
using MMFuse.Tests.Features.Preprocessing;

namespace MMFuse.Tests.Features;

public sealed class FeatureSetPresenceTests
{
    [Fact]
    public void PresenceWithoutFittingEqualsTheFittedBlocksFlags()
    {
        // A pretrained block with a gap, a text column with a blank and a whitespace cell, and tabular columns where
        // row 3 has only an unparseable number (missing) and row 4 only a category (present).
        var image = Blocks.Make("image", [[1f], [2f], [3f], [4f], [5f]], [true, false, true, true, true]);
        var set = new FeatureSet(5, [image],
            [("caption", ["a red apple", null, "  ", "red pear", "red plum"])],
            [
                new TabularColumn("size", ColumnRole.Numeric, ["1.5", "2", null, "n/a", null]),
                new TabularColumn("kind", ColumnRole.Categorical, ["x", null, null, null, "y"]),
            ]);

        var fitted = FittedFeatures.Fit(set).Transform(set);
        var presence = set.Presence();

        Assert.Equal(fitted.Select(b => b.Modality), presence.Select(p => p.Modality));
        for (var b = 0; b < fitted.Count; b++)
            Assert.Equal(fitted[b].Present, presence[b].Present);
        Assert.Equal([true, true, false, false, true], presence.Single(p => p.Modality == TabularModel.BlockName).Present);
    }
}
