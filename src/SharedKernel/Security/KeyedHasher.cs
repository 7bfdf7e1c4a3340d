using System.Security.Cryptography;
using System.Text;
using BillCenter.SharedKernel.Cards;
using Microsoft.Extensions.Options;

namespace BillCenter.SharedKernel.Security;

/// <summary>
/// Keyed one-way hashes (HMAC-SHA256) for secrets we must recognise but never keep: card numbers
/// (fingerprints for look-up), card IDs and billing addresses (verifiers). The key lives in configuration,
/// never in the database, so a stolen database cannot be brute-forced offline.
/// </summary>
public sealed class KeyedHasher
{
    private readonly byte[] _key;

    public KeyedHasher(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Convert.FromBase64String(options.Value.HashKey);
        if (_key.Length < 32)
        {
            throw new InvalidOperationException("Security:HashKey must be at least 32 bytes (base64).");
        }
    }

    public string Fingerprint(CardNumber cardNumber)
    {
        ArgumentNullException.ThrowIfNull(cardNumber);
        return Hash("card-number", cardNumber.Digits);
    }

    /// <summary>A verifier bound to one card, so equal card IDs on two cards hash differently.</summary>
    public string CardIdVerifier(string cardFingerprint, CardId cardId)
    {
        ArgumentNullException.ThrowIfNull(cardId);
        return Hash("card-id", $"{cardFingerprint}:{cardId.Digits}");
    }

    public string Hash(string purpose, string value)
    {
        var bytes = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{purpose}\n{value}"));
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Constant-time comparison of two hashes.</summary>
    public static bool AreEqual(string? a, string? b) =>
        a is not null && b is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
