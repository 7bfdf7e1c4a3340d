using System.Security.Cryptography;
using System.Text;

namespace BillCenter.Modules.Notifications.Sms;

/// <summary>
/// Twilio's X-Twilio-Signature: Base64(HMAC-SHA1(auth token, full URL + every POST parameter's name and value,
/// sorted by name)). Proves a webhook call came from Twilio and was not altered.
/// </summary>
internal static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static string Compute(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(authToken);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);

        var data = new StringBuilder(url);
        // Twilio sorts by name (ordinal); a repeated name contributes each of its values, sorted.
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
        return Convert.ToBase64String(mac);
    }

    public static bool IsValid(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters, string? signature)
    {
        if (string.IsNullOrEmpty(authToken) || string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var given = new byte[64];
        if (!Convert.TryFromBase64String(signature.Trim(), given, out var length))
        {
            return false;
        }

        var expected = Convert.FromBase64String(Compute(authToken, url, parameters));
        return CryptographicOperations.FixedTimeEquals(expected, given.AsSpan(0, length));
    }
}
