using MMFuse.Features;
using static MMFuse.Reporting.Html.HtmlBuilder;

namespace MMFuse.Reporting.Html;

/// <summary>
/// The rows the model got wrong most confidently, with their media inline so a reader can judge whether the
/// label, the input or the model is at fault. A file that cannot be embedded is reported in place with the
/// reason: one moved file should not cost the whole report.
/// </summary>
internal static class WrongRowsSection
{
    public static void Render(HtmlBuilder page, ReportMedia media, ReportWrongRow[]? rows)
    {
        if (rows is null)
        {
            page.Unavailable();
            return;
        }
        if (rows.Length == 0)
        {
            page.Paragraph("No misclassified rows.", "na");
            return;
        }
        page.Raw("<div class=\"rows\">\n");
        foreach (var row in rows)
        {
            page.Raw("<div class=\"row\">");
            if (row.ImagePath is not null || row.AudioPath is not null)
            {
                page.Raw("<div class=\"media\">");
                if (row.ImagePath is not null)
                    page.Raw(Embed("image", row.ImagePath, () => ImageHtml(media.Thumbnail(row.ImagePath), row)));
                if (row.AudioPath is not null)
                    page.Raw(Embed("audio", row.AudioPath, () => AudioHtml(media.Clip(row.AudioPath))));
                page.Raw("</div>");
            }
            page.Raw($"<div class=\"info\"><div><b>{Escape(row.Id)}</b> · confidence {Percent(row.Confidence)}</div>");
            page.Raw($"<div>true <span class=\"truth\">{Escape(row.True)}</span> · predicted <span class=\"pred\">{Escape(row.Predicted)}</span></div>");
            if (row.Contributions is { Count: > 0 } contributions)
                page.Raw($"<div class=\"note\">contributions: {Escape(string.Join(", ", contributions.Select(c => $"{c.Key} {(c.Value >= 0 ? "+" : "")}{Num(c.Value, 3)}")))}</div>");
            if (!string.IsNullOrEmpty(row.Text))
                page.Raw($"<blockquote>{Escape(row.Text)}</blockquote>");
            page.Raw("</div></div>\n");
        }
        page.Raw("</div>\n");
    }

    private static string ImageHtml(Thumbnail t, ReportWrongRow row) =>
        $"<img class=\"thumb\" src=\"{t.DataUri}\" width=\"{t.DisplayWidth}\" height=\"{t.DisplayHeight}\" alt=\"{Escape($"image of {row.Id}")}\">";

    private static string AudioHtml(Clip clip)
    {
        string note = clip.EmbeddedSeconds < clip.DurationSeconds - 1e-3
            ? $"<span class=\"note\">first {Num(clip.EmbeddedSeconds, 1)} s of {Num(clip.DurationSeconds, 1)} s</span>"
            : "";
        return $"<audio controls preload=\"metadata\" src=\"{clip.DataUri}\"></audio>{note}";
    }

    private static string Embed(string kind, string path, Func<string> render)
    {
        try
        {
            return render();
        }
        catch (Exception ex) when (ex is MediaDecodeException or IOException or UnauthorizedAccessException)
        {
            return $"<span class=\"warn\">{kind} not embedded ({Escape(Path.GetFileName(path))}): {Escape(ex.Message)}</span>";
        }
    }
}
