using MMFuse.IO;
using Parquet;
using Parquet.Schema;

namespace MMFuse.Features.Extraction;

/// <summary>
/// Writes extracted features to Parquet: an <c>id</c> column, then per block a list-of-float column named after
/// the source column and a boolean <c>&lt;column&gt;_present</c>. Written atomically.
/// </summary>
public static class FeatureExport
{
    /// <summary>Writes one row per id with every block's vector and presence flag to the Parquet file at
    /// <paramref name="path"/>.</summary>
    public static void WriteParquet(string path, IReadOnlyList<string> ids, IReadOnlyList<FeatureBlock> blocks) =>
        AtomicFile.Write(path, stream => Write(stream, ids, blocks).GetAwaiter().GetResult());

    private static async Task Write(Stream stream, IReadOnlyList<string> ids, IReadOnlyList<FeatureBlock> blocks)
    {
        var id = new DataField<string>("id");
        var fields = new List<Field> { id };
        var lists = blocks.Select(b => new ListField(b.Modality, new DataField<float>("element"))).ToList();
        var flags = blocks.Select(b => new DataField<bool>(b.Modality + "_present")).ToList();
        for (var i = 0; i < blocks.Count; i++)
        {
            fields.Add(lists[i]);
            fields.Add(flags[i]);
        }
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(id, ids.Select(s => (string?)s).ToArray());
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var values = block.Rows.SelectMany(r => r).ToArray();
            // Repetition level 0 starts a new row's list, 1 continues it.
            var levels = block.Rows.SelectMany(r => Enumerable.Range(0, r.Length).Select(j => j == 0 ? 0 : 1)).ToArray();
            var element = (DataField)lists[i].Item;
            var defined = Enumerable.Repeat(element.MaxDefinitionLevel, values.Length).ToArray(); // every list and element is present
            await group.WriteAllPartsAsync(element, new ReadOnlyMemory<float>(values), new ReadOnlyMemory<int>(defined), new ReadOnlyMemory<int>(levels), CancellationToken.None);
            await group.WriteAsync(flags[i], new ReadOnlyMemory<bool>(block.Present));
        }
    }
}
