namespace MMFuse.Features.Preprocessing;

/// <summary>Options of <see cref="TabularFeaturizer"/>.</summary>
/// <param name="MaxCategories">
/// K: a categorical column one-hot encodes its K most frequent training categories (ties by ordinal name);
/// all others share the "&lt;other&gt;" slot.
/// </param>
public sealed record TabularOptions(int MaxCategories = 20)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <see cref="MaxCategories"/> is
    /// negative.</summary>
    public void Validate()
    {
        if (MaxCategories < 0)
            throw new ArgumentOutOfRangeException(nameof(MaxCategories), MaxCategories, "must be 0 or more");
    }
}
