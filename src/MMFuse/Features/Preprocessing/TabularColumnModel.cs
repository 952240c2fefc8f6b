using System.Text.Json.Serialization;

namespace MMFuse.Features.Preprocessing;

/// <summary>The fitted encoding of one tabular column: how one raw cell becomes a few output features.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NumericColumnModel), "numeric")]
[JsonDerivedType(typeof(CategoricalColumnModel), "categorical")]
public abstract record TabularColumnModel(string Name)
{
    /// <summary>How many output features the column becomes.</summary>
    [JsonIgnore]
    public abstract int Width { get; }

    /// <summary>Output names, <see cref="Width"/> of them.</summary>
    public abstract IEnumerable<string> FeatureNames();

    /// <summary>Writes <see cref="Width"/> values at <paramref name="output"/>; returns whether the cell counted as present.</summary>
    internal abstract bool Encode(string? cell, Span<float> output);
}
