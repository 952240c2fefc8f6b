// Compiled by MSBuild's RoslynCodeTaskFactory (see TorchSharpNativeFix.targets); not part of any project.
using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class MMFuseWeakenGlibcxxVersion : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string Version { get; set; } = "";

    public override bool Execute()
    {
        var libstdcxx = FindHostLibStdCxx();
        if (libstdcxx != null && Contains(File.ReadAllBytes(libstdcxx), Encoding.ASCII.GetBytes(Version + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, "{0} provides {1}; libLibTorchSharp.so needs no patch.", libstdcxx, Version);
            return true;
        }
        if (libstdcxx == null)
            Log.LogMessage(MessageImportance.Normal, "Host libstdc++.so.6 not found; marking {0} weak anyway (harmless).", Version);

        foreach (var item in Files)
        {
            var path = item.GetMetadata("FullPath");
            try
            {
                var result = Patch(path);
                Log.LogMessage(result == "patched" ? MessageImportance.High : MessageImportance.Low,
                    "libLibTorchSharp fix: {0}: {1} {2}", path, Version, result);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException || e is UnauthorizedAccessException)
            {
                Log.LogError("Cannot mark {0} weak in {1}: {2}", Version, path, e.Message);
            }
        }
        return !Log.HasLoggedErrors;
    }

    private static string FindHostLibStdCxx()
    {
        const string debian = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";
        if (File.Exists(debian))
            return debian;
        try
        {
            var psi = new ProcessStartInfo("ldconfig", "-p") { RedirectStandardOutput = true, UseShellExecute = false };
            using (var p = Process.Start(psi))
            {
                var output = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                foreach (var line in output.Split('\n'))
                {
                    var arrow = line.IndexOf("=>", StringComparison.Ordinal);
                    if (line.TrimStart().StartsWith("libstdc++.so.6 ", StringComparison.Ordinal) && line.Contains("x86-64") && arrow > 0)
                        return line.Substring(arrow + 2).Trim();
                }
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception || e is InvalidOperationException)
        {
        }
        return null;
    }

    /// <summary>Sets VER_FLG_WEAK on the Vernaux entry named Version; returns what it did.</summary>
    private string Patch(string path)
    {
        var originalTime = File.GetLastWriteTimeUtc(path);
        string result;
        using (var fs = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read))
        using (var r = new BinaryReader(fs))
        {
            var ident = r.ReadBytes(16);
            if (ident.Length < 16 || ident[0] != 0x7f || ident[1] != 'E' || ident[2] != 'L' || ident[3] != 'F')
                throw new InvalidDataException("not an ELF file");
            if (ident[4] != 2 || ident[5] != 1)
                throw new InvalidDataException("not a little-endian ELF64 file");

            fs.Position = 0x28;
            var shoff = r.ReadInt64();
            fs.Position = 0x3A;
            int shentsize = r.ReadUInt16(), shnum = r.ReadUInt16();

            long verneedOff = -1; uint verneedCount = 0, strtabIndex = 0;
            for (var i = 0; i < shnum; i++)
            {
                fs.Position = shoff + (long)i * shentsize + 4;
                if (r.ReadUInt32() != ShtGnuVerneed)
                    continue;
                fs.Position = shoff + (long)i * shentsize + 0x18;
                verneedOff = r.ReadInt64();
                r.ReadInt64(); // sh_size
                strtabIndex = r.ReadUInt32(); // sh_link: the string table of the names
                verneedCount = r.ReadUInt32(); // sh_info: number of Verneed records
                break;
            }
            if (verneedOff < 0)
                throw new InvalidDataException("no .gnu.version_r section");
            fs.Position = shoff + (long)strtabIndex * shentsize + 0x18;
            var strtabOff = r.ReadInt64();

            result = "not referenced";
            var need = verneedOff;
            for (var n = 0; n < verneedCount; n++)
            {
                fs.Position = need + 2;
                int auxCount = r.ReadUInt16();
                r.ReadUInt32(); // vn_file
                var aux = need + r.ReadUInt32();
                var next = r.ReadUInt32();
                for (var a = 0; a < auxCount; a++)
                {
                    fs.Position = aux + 4;
                    var flags = r.ReadUInt16();
                    r.ReadUInt16(); // vna_other
                    var name = ReadCString(fs, strtabOff + r.ReadUInt32());
                    var auxNext = ReadUInt32At(fs, aux + 12);
                    if (name == Version)
                    {
                        if ((flags & VerFlgWeak) != 0)
                            return "already weak";
                        fs.Position = aux + 4;
                        var bytes = BitConverter.GetBytes((ushort)(flags | VerFlgWeak));
                        fs.Write(bytes, 0, 2);
                        result = "patched";
                    }
                    aux += auxNext;
                }
                if (next == 0)
                    break;
                need += next;
            }
        }
        // Keep the package's timestamp: the incremental copy compares size and time, and would otherwise
        // overwrite the patched copy with the original on every build just for us to patch it again.
        if (result == "patched")
            File.SetLastWriteTimeUtc(path, originalTime);
        return result;
    }

    private static uint ReadUInt32At(FileStream fs, long offset)
    {
        var buffer = new byte[4];
        fs.Position = offset;
        if (fs.Read(buffer, 0, 4) != 4)
            throw new InvalidDataException("truncated ELF file");
        return BitConverter.ToUInt32(buffer, 0);
    }

    private static string ReadCString(FileStream fs, long offset)
    {
        var saved = fs.Position;
        fs.Position = offset;
        var sb = new StringBuilder();
        int b;
        while ((b = fs.ReadByte()) > 0)
            sb.Append((char)b);
        fs.Position = saved;
        return sb.ToString();
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
                j++;
            if (j == needle.Length)
                return true;
        }
        return false;
    }
}
