namespace MMFuse.Tests.Reporting.Browser;

/// <summary>A fact that needs headless Chromium: skipped, with the reason, only when none can be found or installed.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumLocator.Executable is null)
            Skip = ChromiumLocator.SkipReason;
    }
}
