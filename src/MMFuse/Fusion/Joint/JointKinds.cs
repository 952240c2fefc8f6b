namespace MMFuse.Fusion.Joint;

/// <summary>The leaderboard names of the joint kinds (<c>joint-concat</c>, ..., <c>joint-lowrank</c>) and back.</summary>
public static class JointKinds
{
    /// <summary>The prefix of every joint kind's name.</summary>
    public const string Prefix = "joint-";

    /// <summary>Every joint kind, in declaration order.</summary>
    public static IReadOnlyList<JointKind> All { get; } = Enum.GetValues<JointKind>();

    /// <summary>The names of <see cref="All"/>, in the same order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToArray();

    /// <summary>The leaderboard name of <paramref name="kind"/>, e.g. <c>joint-concat</c>.</summary>
    public static string Name(JointKind kind) => Enum.IsDefined(kind)
        ? Prefix + kind.ToString().ToLowerInvariant()
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown joint fusion kind.");

    /// <summary>The kind named <paramref name="name"/> (case-insensitive, surrounding spaces ignored); false when there
    /// is none.</summary>
    public static bool TryParse(string? name, out JointKind kind)
    {
        foreach (var k in All)
            if (string.Equals(Name(k), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        kind = default;
        return false;
    }

    /// <summary>The kind named <paramref name="name"/>; an unknown name is an <see cref="ArgumentException"/> listing
    /// the valid ones.</summary>
    public static JointKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new ArgumentException($"Unknown joint fusion '{name}'. Valid: {string.Join(", ", Names)}.", nameof(name));
}
