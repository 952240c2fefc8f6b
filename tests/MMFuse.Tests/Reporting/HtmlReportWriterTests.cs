using System.Text.RegularExpressions;
using MMFuse.Data;
using MMFuse.Features;
using MMFuse.Features.Audio;
using MMFuse.Features.Images;
using MMFuse.Reporting;
using SkiaSharp;

namespace MMFuse.Tests.Reporting;

public sealed class HtmlReportWriterTests
{
    private static readonly Lazy<string> FullHtml = new(() => HtmlReportWriter.Render(SampleReports.Full(), new HtmlReportOptions()));

    [Fact]
    public void User_strings_are_escaped_everywhere()
    {
        var html = FullHtml.Value;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("'x')", html);
        // Subtitle, column name, contribution row and wrong-row text all carry the hostile string.
        Assert.True(Regex.Matches(html, Regex.Escape("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")).Count >= 4);
    }

    [Fact]
    public void Page_is_self_contained()
    {
        var html = FullHtml.Value;
        var sources = Regex.Matches(html, "\\bsrc=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith("data:", s));
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("url(", html);
        Assert.All(Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value), h => Assert.StartsWith("#", h));
    }

    [Fact]
    public void Every_plot_is_a_png_at_the_requested_density()
    {
        var options = new HtmlReportOptions(PlotWidth: 500, PlotScale: 1.5);
        var html = HtmlReportWriter.Render(SampleReports.Full(), options);
        var plots = Regex.Matches(html, "<img class=\"plot\" data-plot=\"([^\"]+)\" src=\"data:image/png;base64,([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"");
        // per-class F1, contribution, 2 robustness curves, reliability, 2 learning curves.
        Assert.Equal(["per-class-f1", "modality-contribution", "robustness-image", "robustness-audio", "reliability", "learning-joint-mlp", "learning-joint-attention"],
            plots.Select(m => m.Groups[1].Value));
        foreach (Match m in plots)
        {
            var png = ImageDecoder.Decode(Convert.FromBase64String(m.Groups[2].Value));
            Assert.Equal(Math.Round(int.Parse(m.Groups[3].Value) * 1.5), png.Width);
            Assert.Equal(Math.Round(int.Parse(m.Groups[4].Value) * 1.5), png.Height);
            Assert.True(png.Pixels.Distinct().Count() > 2, "plot is blank");
        }
    }

    [Fact]
    public void Missing_sections_say_so()
    {
        var html = HtmlReportWriter.Render(new ReportModel { Title = "empty", Task = TaskKind.Binary }, new HtmlReportOptions());
        Assert.Equal(10, Regex.Matches(html, "<section id=").Count);
        Assert.Equal(10, Regex.Matches(html, "Not available for this run.").Count);
    }

    [Fact]
    public void Regression_leaves_out_classification_sections()
    {
        var html = HtmlReportWriter.Render(new ReportModel { Title = "r", Task = TaskKind.Regression }, new HtmlReportOptions());
        Assert.Equal(["dataset", "leaderboard", "contribution", "robustness", "learning"],
            Regex.Matches(html, "<section id=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void Dataset_tables_pair_each_name_with_its_value()
    {
        var html = FullHtml.Value;
        Assert.Contains("<tr><td>digit</td><td><span class=\"tag\">label</span></td></tr>", html);
        Assert.Contains("<tr><td>audio</td><td class=\"n\">7</td><td class=\"share\">", html);
        Assert.Contains("5.8 %</td></tr>", html);
        Assert.Contains("<tr class=\"best\"><td class=\"n\">1</td><td><b>late-fusion</b></td>", html);
    }

    [Fact]
    public void Data_warnings_are_listed_escaped_and_absent_when_there_are_none()
    {
        var model = SampleReports.Full();
        var warned = model with { Dataset = model.Dataset! with { Warnings = ["column 'x<y>' (label-leak): maps onto the label"] } };
        var html = HtmlReportWriter.Render(warned, new HtmlReportOptions());
        Assert.Contains("Data warnings", html);
        Assert.Contains("column &#39;x&lt;y&gt;&#39; (label-leak)", html.Replace("&#x27;", "&#39;"));
        Assert.DoesNotContain("Data warnings", FullHtml.Value);
    }

    [Fact]
    public void Confusion_counts_are_shown_and_shaded_by_row_share()
    {
        var model = new ReportModel { Title = "c", Confusion = new ReportConfusion(["cat", "dog"], [[3, 1], [0, 4]]) };
        var html = HtmlReportWriter.Render(model, new HtmlReportOptions());
        Assert.Contains("background:rgba(31,119,180,0.75)\" title=\"true cat, predicted cat: 3 (75 %)\">3</td>", html);
        Assert.Contains("background:rgba(192,57,43,0.25)\" title=\"true cat, predicted dog: 1 (25 %)\">1</td>", html);
        Assert.Contains("title=\"true dog, predicted dog: 4 (100 %)\">4</td>", html);
    }

    [Fact]
    public void Malformed_sections_are_refused()
    {
        var confusion = new ReportModel { Title = "c", Confusion = new ReportConfusion(["a", "b"], [[1, 2]]) };
        Assert.Throws<ArgumentException>(() => HtmlReportWriter.Render(confusion, new HtmlReportOptions()));
        var curve = new ReportModel { Title = "c", Robustness = new ReportRobustness("acc", [new("image", "missing", [0, 1], [0.9], 0.5)]) };
        Assert.Contains("same length", Assert.Throws<ArgumentException>(() => HtmlReportWriter.Render(curve, new HtmlReportOptions())).Message);
    }

    [Fact]
    public void Thumbnails_keep_small_images_and_shrink_large_ones_to_the_limit()
    {
        using var temp = new TempDirectory();
        var big = temp.File("big.png");
        WritePng(big, 300, 200);
        var model = new ReportModel
        {
            Title = "t",
            MediaFolder = TestPaths.Samples("avdigits"),
            ConfidentlyWrong = [new("a", "1", "2", 0.9, ImagePath: big), new("b", "1", "2", 0.9, ImagePath: "images/" + Path.GetFileName(TestPaths.SampleImage))],
        };
        var html = HtmlReportWriter.Render(model, new HtmlReportOptions());
        var thumbs = Regex.Matches(html, "<img class=\"thumb\" src=\"data:image/png;base64,([^\"]+)\" width=\"(\\d+)\" height=\"(\\d+)\"").ToArray();
        Assert.Equal(2, thumbs.Length);

        var large = ImageDecoder.Decode(Convert.FromBase64String(thumbs[0].Groups[1].Value));
        Assert.Equal((96, 64), (large.Width, large.Height));
        Assert.Equal(("96", "64"), (thumbs[0].Groups[2].Value, thumbs[0].Groups[3].Value));

        // The 8x8 digit is embedded pixel for pixel and shown enlarged by the browser.
        var original = ImageDecoder.Decode(File.ReadAllBytes(TestPaths.SampleImage));
        var small = ImageDecoder.Decode(Convert.FromBase64String(thumbs[1].Groups[1].Value));
        Assert.Equal(original.Pixels, small.Pixels);
        Assert.Equal(((96 / original.Width) * original.Width).ToString(System.Globalization.CultureInfo.InvariantCulture), thumbs[1].Groups[2].Value);
    }

    [Fact]
    public void Audio_is_cut_to_the_first_seconds_at_the_feature_rate()
    {
        var model = new ReportModel { Title = "a", ConfidentlyWrong = [new("a", "1", "2", 0.9, AudioPath: TestPaths.SampleClip)] };
        var html = HtmlReportWriter.Render(model, new HtmlReportOptions(ClipSeconds: 0.1));
        var src = Regex.Match(html, "<audio controls preload=\"metadata\" src=\"data:audio/wav;base64,([^\"]+)\"").Groups[1].Value;
        var embedded = AudioDecoder.Decode(Convert.FromBase64String(src));
        var full = AudioDecoder.DecodeForFeatures(File.ReadAllBytes(TestPaths.SampleClip));
        Assert.True(full.DurationSeconds > 0.1, "sample clip should be longer than the cut");
        Assert.Equal(AudioDecoder.FeatureSampleRate, embedded.SampleRate);
        Assert.Equal(1600, embedded.Samples.Length);
        for (int i = 0; i < embedded.Samples.Length; i++)
            Assert.Equal(Math.Clamp(full.Samples[i], -1f, 1f), embedded.Samples[i], 1e-4f); // 16-bit quantisation
        Assert.Contains("first 0.1 s of ", html);
    }

    [Fact]
    public void A_missing_media_file_is_reported_in_place()
    {
        var html = FullHtml.Value;
        Assert.Matches("<span class=\"warn\">image not embedded \\(does-not-exist.png\\): [^<]+</span>", html);
        Assert.Equal(3, Regex.Matches(html, "<img class=\"thumb\"").Count);
        Assert.Equal(3, Regex.Matches(html, "<audio controls").Count);
    }

    [Fact]
    public void Output_is_deterministic_and_written_atomically()
    {
        using var temp = new TempDirectory();
        var path = temp.File("out/report.html");
        var model = SampleReports.Full() with { LearningCurves = null, Robustness = null };
        HtmlReportWriter.Write(path, model);
        var first = File.ReadAllText(path);
        HtmlReportWriter.Write(path, model);
        Assert.Equal(first, File.ReadAllText(path));
        Assert.Equal(["report.html"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName));
        Assert.StartsWith("<!DOCTYPE html>", first);
    }

    private static void WritePng(string path, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(i * 7 % 251);
        using var bitmap = ImageResizer.ToBitmap(new RgbImage(width, height, pixels));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}

public sealed class CalibrationSectionTests
{
    [Fact]
    public void Recalibration_figures_appear_per_fold_with_their_mean_only_when_measured()
    {
        var calibration = new ReportCalibration("temperature", 0.9, Regression: false,
            [new ReportCalibrationFold(0.10, 0.02, 0.5, 0.4, 0.88, 1.2), new ReportCalibrationFold(0.20, 0.04, 0.7, 0.6, 0.92, 1.4)], null);
        var html = HtmlReportWriter.Render(SampleReports.Full() with { Calibration = calibration }, new HtmlReportOptions());
        var without = HtmlReportWriter.Render(SampleReports.Full(), new HtmlReportOptions());

        Assert.Contains("Recalibration and conformal prediction", html);
        Assert.Contains("<td>0.150</td><td>0.030</td>", html);   // mean ECE before and after
        Assert.Contains("<td>0.900</td><td>1.300</td>", html);   // mean coverage and set size
        Assert.DoesNotContain("Recalibration and conformal prediction", without);
    }

    [Fact]
    public void Regression_runs_get_a_conformal_interval_section()
    {
        var calibration = new ReportCalibration("none", 0.8, Regression: true,
            [new ReportCalibrationFold(double.NaN, double.NaN, double.NaN, double.NaN, 0.79, 3.5)], null);
        var html = HtmlReportWriter.Render(SampleReports.Full() with { Task = TaskKind.Regression, Calibration = calibration }, new HtmlReportOptions());

        Assert.Contains("Conformal intervals", html);
        Assert.Contains("mean width", html);
        Assert.DoesNotContain("ECE before", html);
    }
}
