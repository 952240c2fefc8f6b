namespace MMFuse.Data;

/// <summary>What a manifest column is used for. Each column gets exactly one role.</summary>
public enum ColumnRole
{
    Id,
    Label,
    Image,
    Audio,
    Text,
    Numeric,
    Categorical,
    /// <summary>Groups rows that must stay on the same side of a split (group k-fold); not a feature.</summary>
    Group,
    Ignore,
}

public static class ColumnRoles
{
    /// <summary>The lower-case name used on the command line and in JSON.</summary>
    public static string Name(this ColumnRole role) => role.ToString().ToLowerInvariant();

    public static bool IsFile(this ColumnRole role) => role is ColumnRole.Image or ColumnRole.Audio;

    public static bool IsFeature(this ColumnRole role) =>
        role is ColumnRole.Image or ColumnRole.Audio or ColumnRole.Text or ColumnRole.Numeric or ColumnRole.Categorical;
}
