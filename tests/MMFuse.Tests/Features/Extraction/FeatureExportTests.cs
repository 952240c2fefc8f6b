using MMFuse.Features;
using MMFuse.Features.Extraction;
using Parquet.Serialization;

namespace MMFuse.Tests.Features.Extraction;

public sealed class FeatureExportTests
{
    // Property names match the exported column names so Parquet.Net's serializer maps them.
#pragma warning disable IDE1006
    public sealed class ExportedRow
    {
        public string? id { get; set; }
        public float[]? image { get; set; }
        public bool image_present { get; set; }
        public float[]? text { get; set; }
        public bool text_present { get; set; }
    }
#pragma warning restore IDE1006

    [Fact]
    public async Task Blocks_round_trip_as_standard_parquet_lists()
    {
        using var dir = new TempDirectory();
        var path = dir.File("features.parquet");
        var image = new FeatureBlock("image", "pixels", 3, [[1f, 2f, 3f], [0f, 0f, 0f], [4f, 5f, 6f]], [true, false, true]);
        var text = new FeatureBlock("text", "minilm", 2, [[0.5f, -0.5f], [1f, 0f], [0f, 1f]], [true, true, true]);
        FeatureExport.WriteParquet(path, ["a", "b", "c"], [image, text]);

        var rows = (await ParquetSerializer.DeserializeAsync<ExportedRow>(path)).Data;
        Assert.Equal(["a", "b", "c"], rows.Select(r => r.id!));
        Assert.Equal([4f, 5f, 6f], rows[2].image!);
        Assert.False(rows[1].image_present);
        Assert.Equal([0.5f, -0.5f], rows[0].text!);
        Assert.True(rows[2].text_present);
    }
}
