using System.Text;

namespace MMFuse.Tests.Learners.Torch;

/// <summary>Reads the vna_flags of a required symbol version from an ELF64 file's .gnu.version_r, independently
/// of the build task that sets them.</summary>
internal static class ElfVersionNeeds
{
    public static int? Flags(string path, string version)
    {
        var b = File.ReadAllBytes(path);
        var shoff = (long)BitConverter.ToUInt64(b, 0x28);
        int entsize = BitConverter.ToUInt16(b, 0x3A), count = BitConverter.ToUInt16(b, 0x3C);
        for (var i = 0; i < count; i++)
        {
            var sh = (int)(shoff + i * entsize);
            if (BitConverter.ToUInt32(b, sh + 4) != 0x6ffffffe)
                continue;
            var offset = (long)BitConverter.ToUInt64(b, sh + 0x18);
            var link = BitConverter.ToUInt32(b, sh + 0x28);
            var needs = BitConverter.ToUInt32(b, sh + 0x2C);
            var strtab = (long)BitConverter.ToUInt64(b, (int)(shoff + link * entsize + 0x18));
            for (var n = 0; n < needs; n++)
            {
                var aux = offset + BitConverter.ToUInt32(b, (int)offset + 8);
                for (var a = 0; a < BitConverter.ToUInt16(b, (int)offset + 2); a++)
                {
                    var nameStart = (int)(strtab + BitConverter.ToUInt32(b, (int)aux + 8));
                    var name = Encoding.ASCII.GetString(b, nameStart, Array.IndexOf(b, (byte)0, nameStart) - nameStart);
                    if (name == version)
                        return BitConverter.ToUInt16(b, (int)aux + 4);
                    aux += BitConverter.ToUInt32(b, (int)aux + 12);
                }
                offset += BitConverter.ToUInt32(b, (int)offset + 12);
            }
        }
        return null;
    }
}
