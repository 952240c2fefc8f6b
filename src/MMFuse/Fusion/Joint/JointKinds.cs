namespace MMFuse.Fusion.Joint;

/// <summary>The leaderboard names of the joint kinds (<c>joint-concat</c>, ..., <c>joint-lowrank</c>) and back.</summary>
public static class JointKinds
{
    public const string Prefix = "joint-";

    public static IReadOnlyList<JointKind> All { get; } = Enum.GetValues<JointKind>();

    public static IReadOnlyList<string> Names { get; } = All.Select(Name).ToArray();

    public static string Name(JointKind kind) => Enum.IsDefined(kind)
        ? Prefix + kind.ToString().ToLowerInvariant()
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown joint fusion kind.");

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

    public static JointKind Parse(string name) => TryParse(name, out var kind)
        ? kind
        : throw new ArgumentException($"Unknown joint fusion '{name}'. Valid: {string.Join(", ", Names)}.", nameof(name));
}
