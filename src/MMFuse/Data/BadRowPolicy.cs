namespace MMFuse.Data;

/// <summary>What to do with a row that has a problem (<c>--on-bad-row</c>). Whatever the choice, every affected row is counted and reported.</summary>
public enum BadRowPolicy
{
    /// <summary>Stop with exit code 2, naming every bad row, column and reason.</summary>
    Fail,
    /// <summary>Leave the row out; skipped rows are counted and written with their reasons to bad-rows.csv.</summary>
    Skip,
    /// <summary>Treat a bad feature cell (file, number) as an absent modality and keep the row; rows whose label or
    /// id is bad cannot be kept and are skipped, as under <see cref="Skip"/>.</summary>
    Missing,
}
