namespace MMFuse.Data;

/// <summary>What a manifest column is used for. Each column gets exactly one role.</summary>
public enum ColumnRole
{
    /// <summary>The row's identifier: written to prediction files, never a feature.</summary>
    Id,
    /// <summary>The column to predict.</summary>
    Label,
    /// <summary>A path to an image file (PNG, JPEG, BMP, GIF, WebP).</summary>
    Image,
    /// <summary>A path to an audio file (WAV, MP3 or Ogg Vorbis).</summary>
    Audio,
    /// <summary>Free text, embedded by a text extractor.</summary>
    Text,
    /// <summary>A number, part of the tabular block.</summary>
    Numeric,
    /// <summary>A category (a few distinct short values), one-hot encoded in the tabular block.</summary>
    Categorical,
    /// <summary>Groups rows that must stay on the same side of a split (group k-fold); not a feature.</summary>
    Group,
    /// <summary>Not used at all (empty, constant or identifier-like columns, or ones the user leaves out).</summary>
    Ignore,
    /// <summary>The row's sample weight (<see cref="DatasetOptions.Weight"/>): weighs the row in training and in the
    /// metrics; not a feature.</summary>
    Weight,
}

/// <summary>Helpers on <see cref="ColumnRole"/>.</summary>
public static class ColumnRoles
{
    /// <summary>The lower-case name used on the command line and in JSON.</summary>
    public static string Name(this ColumnRole role) => role.ToString().ToLowerInvariant();

    /// <summary>True for the roles whose cells name files (image and audio).</summary>
    public static bool IsFile(this ColumnRole role) => role is ColumnRole.Image or ColumnRole.Audio;

    /// <summary>True for the roles that become features (image, audio, text, numeric, categorical).</summary>
    public static bool IsFeature(this ColumnRole role) =>
        role is ColumnRole.Image or ColumnRole.Audio or ColumnRole.Text or ColumnRole.Numeric or ColumnRole.Categorical;
}
