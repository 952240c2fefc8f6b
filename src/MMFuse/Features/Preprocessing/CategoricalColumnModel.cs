using System.Text.Json.Serialization;

namespace MMFuse.Features.Preprocessing;

/// <summary>
/// A categorical column: one-hot over <see cref="Categories"/> (the top-K training categories), then an
/// "&lt;other&gt;" slot (unseen or rare category) and a "&lt;missing&gt;" slot. Exactly one slot is 1.
/// Categories compare ordinally (case-sensitive, as written in the manifest).
/// </summary>
public sealed record CategoricalColumnModel : TabularColumnModel
{
    /// <summary>The category name of the slot for values not among <see cref="Categories"/>.</summary>
    public const string OtherName = "<other>";
    /// <summary>The category name of the slot for a missing value.</summary>
    public const string MissingName = "<missing>";

    private readonly Dictionary<string, int> _slots;

    /// <summary>Encodes column <paramref name="name"/> with one slot per category, in the given order; duplicates are
    /// an <see cref="ArgumentException"/>.</summary>
    public CategoricalColumnModel(string name, IReadOnlyList<string> categories) : base(name)
    {
        ArgumentNullException.ThrowIfNull(categories);
        Categories = categories.ToArray();
        _slots = new Dictionary<string, int>(Categories.Count, StringComparer.Ordinal);
        for (var i = 0; i < Categories.Count; i++)
            if (!_slots.TryAdd(Categories[i], i))
                throw new ArgumentException($"Column '{name}': duplicate category '{Categories[i]}'.", nameof(categories));
    }

    /// <summary>The one-hot categories, in slot order.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>One slot per category, plus the other and missing slots.</summary>
    [JsonIgnore]
    public override int Width => Categories.Count + 2;

    /// <summary><c>name=category</c> for each slot, including <c>name=&lt;other&gt;</c> and
    /// <c>name=&lt;missing&gt;</c>.</summary>
    public override IEnumerable<string> FeatureNames() =>
        Categories.Append(OtherName).Append(MissingName).Select(c => $"{Name}={c}");

    internal override bool Encode(string? cell, Span<float> output)
    {
        output[..Width].Clear();
        if (cell is null)
        {
            output[Categories.Count + 1] = 1f;
            return false;
        }
        output[_slots.TryGetValue(cell, out var slot) ? slot : Categories.Count] = 1f;
        return true;
    }
}
