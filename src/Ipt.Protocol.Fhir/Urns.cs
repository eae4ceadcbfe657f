using System.Security.Cryptography;
using System.Text;

namespace Ipt.Protocol.Fhir;

/// <summary>Name-based <c>urn:uuid</c> full URLs (RFC 9562 version 8 over SHA-256 of the bundle id and a name).</summary>
internal static class Urns
{
    public static string For(Guid bundleId, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        bundleId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
