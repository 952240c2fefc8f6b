using ScottPlot;

namespace MMFuse.Reporting.Html;

/// <summary>
/// The report's plots, drawn with ScottPlot 5 and embedded as PNG data URIs. PNG rather than SVG: the pixels are
/// exactly what Skia laid out (ScottPlot's SVG pins every glyph position, which goes wrong when the viewer lacks
/// the font), and separate images cannot clash the way inline SVGs sharing clip-path ids can.
/// </summary>
internal sealed class ReportPlots(HtmlReportOptions options)
{
    private static readonly Color Accent = Color.FromHex("#1f77b4");
    private static readonly Color Reference = Color.FromHex("#7f7f7f");
    private static readonly Color Negative = Color.FromHex("#c0392b");
    private static readonly Color Validation = Color.FromHex("#ff7f0e");

    // ScottPlot's own sans-serif detection can land on a serif face; ask Skia which of the common ones exist.
    private static readonly string FontName = new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Roboto" }
        .FirstOrDefault(SkiaSharp.SKFontManager.Default.FontFamilies.Contains) ?? Fonts.Default;

    /// <summary>Plot labels longer than this are cut with an ellipsis; the tables beside the plots carry them in full.</summary>
    private const int MaxLabel = 24;

    /// <summary>Horizontal bars, one per label, top to bottom in the given order.</summary>
    public RenderedPlot Bars(string[] labels, double[] values, string valueAxis, double? fixedMax = null)
    {
        var plot = NewPlot();
        int n = labels.Length;
        var bars = new List<Bar>(n);
        for (int i = 0; i < n; i++)
        {
            bars.Add(new Bar
            {
                Position = n - 1 - i, // first label on top
                Value = values[i],
                FillColor = values[i] < 0 ? Negative : Accent,
                LineWidth = 0,
                Label = values[i].ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 13;
        barPlot.ValueLabelStyle.FontName = FontName;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, n).Select(i => (double)(n - 1 - i))], [.. labels.Select(Shorten)]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.XLabel(valueAxis);
        plot.HideGrid();
        plot.Axes.Margins(left: 0, right: 0.12, bottom: 0.02, top: 0.02);
        if (fixedMax is double max)
            plot.Axes.SetLimitsX(Math.Min(0, values.DefaultIfEmpty(0).Min()), max * 1.1);
        if (values.Any(v => v < 0))
            plot.Add.VerticalLine(0, 1, Colors.Black);
        return Render(plot, Math.Clamp(60 + 26 * n, 160, 900));
    }

    /// <summary>Lines over a shared x axis; series may have different lengths. Dashed series are references.</summary>
    public RenderedPlot Lines(IReadOnlyList<Series> series, string xAxis, string yAxis, string[]? xLabels = null, double[]? xTicks = null)
    {
        var plot = NewPlot();
        foreach (var s in series)
        {
            var scatter = plot.Add.Scatter(s.X, s.Y);
            if (series.Count > 1)
                scatter.LegendText = Shorten(s.Name);
            scatter.Color = s.Color ?? Accent;
            scatter.LineWidth = 2;
            scatter.MarkerSize = s.X.Length > 40 ? 0 : 6;
            if (s.Dashed)
                scatter.LinePattern = LinePattern.Dashed;
        }
        if (xLabels is not null && xTicks is not null)
            plot.Axes.Bottom.SetTicks(xTicks, [.. xLabels.Select(Shorten)]);
        plot.XLabel(xAxis);
        plot.YLabel(yAxis);
        if (series.Count > 1)
            plot.ShowLegend(Alignment.UpperRight);
        return Render(plot, 360);
    }

    /// <summary>Reliability diagram: accuracy against mean confidence per bin, marker area by bin size, and y = x.</summary>
    public RenderedPlot Reliability(ReportReliabilityBin[] bins)
    {
        var plot = NewPlot();
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineColor = Reference;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";

        var used = bins.Where(b => b.Count > 0).OrderBy(b => b.MeanConfidence).ToArray();
        var line = plot.Add.Scatter(used.Select(b => b.MeanConfidence).ToArray(), used.Select(b => b.Accuracy).ToArray());
        line.Color = Accent;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = "model";
        int most = used.Length == 0 ? 1 : used.Max(b => b.Count);
        foreach (var bin in used)
        {
            var marker = plot.Add.Marker(bin.MeanConfidence, bin.Accuracy, MarkerShape.FilledCircle, (float)(5 + 11 * Math.Sqrt((double)bin.Count / most)), Accent);
            marker.MarkerStyle.OutlineColor = Colors.White;
            marker.MarkerStyle.OutlineWidth = 1;
        }
        plot.Axes.SetLimits(0, 1, 0, 1.02);
        plot.XLabel("mean confidence");
        plot.YLabel("accuracy");
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot, 400, width: Math.Min(options.PlotWidth, 480));
    }

    private Plot NewPlot()
    {
        var plot = new Plot();
        plot.ScaleFactor = (float)options.PlotScale;
        plot.Axes.Color(Color.FromHex("#3b4352"));
        plot.Grid.MajorLineColor = Color.FromHex("#e6e9ef");
        return plot;
    }

    private RenderedPlot Render(Plot plot, int height, int? width = null)
    {
        // Sized to stay legible when a phone shrinks the plot to ~60 %; set last so every label added so far gets it.
        plot.Font.Set(FontName);
        plot.Legend.FontName = FontName;
        plot.Legend.FontSize = 14;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.TickLabelStyle.FontSize = 14;
            axis.Label.FontSize = 16;
        }
        int w = width ?? options.PlotWidth;
        // ScaleFactor draws everything that much larger, so ask for the physical size.
        int pw = (int)Math.Round(w * options.PlotScale), ph = (int)Math.Round(height * options.PlotScale);
        var png = plot.GetImageBytes(pw, ph, ImageFormat.Png);
        return new RenderedPlot("data:image/png;base64," + Convert.ToBase64String(png), w, height);
    }

    private static string Shorten(string label) => label.Length <= MaxLabel ? label : label[..(MaxLabel - 1)] + "…";

    internal sealed record Series(string Name, double[] X, double[] Y, Color? Color = null, bool Dashed = false);

    internal static Color ReferenceColor => Reference;

    internal static Color ValidationColor => Validation;
}
