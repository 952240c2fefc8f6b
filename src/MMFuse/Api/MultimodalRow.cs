using System.Collections;

namespace MMFuse;

/// <summary>
/// A row built in code, for <see cref="MultimodalModel.Predict(IReadOnlyList{MultimodalRow}, PredictOptions?, CancellationToken)"/>:
/// column name → value. Images and audio are given as <c>byte[]</c>, <see cref="ReadOnlyMemory{T}"/> of bytes or a
/// <see cref="Stream"/> (read to its end); text as a string; numbers as any .NET number (or a string in invariant
/// culture); categories as a string. A column left out, or null, is absent: that modality is missing for the row.
/// </summary>
/// <example>
/// <code>
/// var row = new MultimodalRow("r1") { ["caption"] = "grinning face", ["image"] = File.ReadAllBytes("face.png"), ["n_links"] = 3 };
/// var prediction = model.Predict([row])[0];
/// </code>
/// </example>
public sealed class MultimodalRow : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>A row; <paramref name="id"/> names it in the predictions (default: its index in the list).</summary>
    public MultimodalRow(string? id = null) => Id = id;

    /// <summary>The row's id in the predictions; null for its index.</summary>
    public string? Id { get; }

    /// <summary>A column's value; null when the column is absent.</summary>
    public object? this[string column]
    {
        get => _values.GetValueOrDefault(column);
        set => _values[column] = value;
    }

    /// <summary>Sets a column's value (collection initializer form).</summary>
    public void Add(string column, object? value) => _values[column] = value;

    /// <summary>The columns given, with their values.</summary>
    public IReadOnlyDictionary<string, object?> Values => _values;

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
