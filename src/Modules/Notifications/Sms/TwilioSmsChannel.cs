using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BillCenter.Modules.Notifications.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Sms;

/// <summary>
/// Sends one SMS through Twilio's REST API (POST .../Messages.json) and turns Twilio's answer into a
/// <see cref="DeliveryResult"/>. It never retries a refused message: the dispatcher retries transient failures later.
/// </summary>
internal sealed class TwilioSmsChannel(HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioSmsChannel> logger) : ISmsChannel
{
    public const int InvalidNumberCode = 21211;
    public const int OptedOutCode = 21610;
    public const int TooManyRequestsCode = 20429;

    // Twilio's messages can quote the number; keep the stored error short enough for LastError.
    private const int MaxErrorMessageLength = 300;

    private readonly TwilioOptions _twilio = options.Value;

    public async Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (!PhoneNumbers.TryNormalize(sms.To, out var to))
        {
            logger.LogWarning("SMS {NotificationId} not sent: the destination is not a valid phone number", sms.NotificationId);
            return new DeliveryResult(sms.NotificationId, DeliveryOutcome.InvalidRecipient, Error: "Not a valid phone number");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, MessagesUri())
        {
            Content = new FormUrlEncodedContent(Fields(to, sms.Body)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_twilio.AccountSid}:{_twilio.AuthToken}")));

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var answer = TwilioAnswer.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var result = ResultOf(sms.NotificationId, response.StatusCode, answer);
            // Twilio's message can quote the number, so the log gets the codes only.
            logger.LogInformation(
                "SMS {NotificationId} to {Destination}: {Outcome} (HTTP {HttpStatus}, Twilio code {TwilioCode})",
                sms.NotificationId, PhoneNumbers.Mask(to), result.Outcome, (int)response.StatusCode, answer.Code);
            return result;
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "SMS {NotificationId}: Twilio could not be reached", sms.NotificationId);
            return new DeliveryResult(sms.NotificationId, DeliveryOutcome.TransientFailure, Error: $"Twilio unreachable: {exception.HttpRequestError}");
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own timeout, not the caller giving up. Twilio may still have taken it.
            logger.LogWarning(exception, "SMS {NotificationId}: Twilio did not answer in time", sms.NotificationId);
            return new DeliveryResult(sms.NotificationId, DeliveryOutcome.TransientFailure, Error: "Twilio timed out");
        }
    }

    private Uri MessagesUri() =>
        new($"{_twilio.BaseUrl.TrimEnd('/')}/2010-04-01/Accounts/{Uri.EscapeDataString(_twilio.AccountSid)}/Messages.json");

    private List<KeyValuePair<string, string>> Fields(string to, string body)
    {
        var fields = new List<KeyValuePair<string, string>> { new("To", to) };
        // A messaging service picks the sender from its pool, so it wins over a fixed From number.
        fields.Add(string.IsNullOrWhiteSpace(_twilio.MessagingServiceSid)
            ? new("From", _twilio.From)
            : new("MessagingServiceSid", _twilio.MessagingServiceSid));
        fields.Add(new("Body", body));
        if (!string.IsNullOrWhiteSpace(_twilio.StatusCallbackUrl))
        {
            fields.Add(new("StatusCallback", _twilio.StatusCallbackUrl));
        }

        return fields;
    }

    private static DeliveryResult ResultOf(Guid notificationId, HttpStatusCode statusCode, TwilioAnswer answer)
    {
        var status = (int)statusCode;
        if (status is >= 200 and < 300)
        {
            // Accepted without a SID cannot be tracked, but sending again would text the cardholder twice.
            return new DeliveryResult(notificationId, DeliveryOutcome.Sent, answer.Sid);
        }

        var outcome = answer.Code switch
        {
            InvalidNumberCode => DeliveryOutcome.InvalidRecipient,
            OptedOutCode => DeliveryOutcome.RecipientOptedOut,
            TooManyRequestsCode => DeliveryOutcome.TransientFailure,
            _ when statusCode == HttpStatusCode.TooManyRequests || status >= 500 => DeliveryOutcome.TransientFailure,
            _ => DeliveryOutcome.PermanentFailure,
        };
        return new DeliveryResult(notificationId, outcome, Error: answer.Describe(status));
    }

    /// <summary>The parts of Twilio's JSON we use: "sid" on success, "code"/"message" on error.</summary>
    private sealed record TwilioAnswer(string? Sid, int? Code, string? Message)
    {
        public static TwilioAnswer Parse(string text)
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return new TwilioAnswer(null, null, null);
                }

                return new TwilioAnswer(
                    root.TryGetProperty("sid", out var sid) && sid.ValueKind == JsonValueKind.String ? sid.GetString() : null,
                    root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out var c) ? c : null,
                    root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null);
            }
            catch (JsonException)
            {
                // A proxy's HTML error page, say: the HTTP status is all we know.
                return new TwilioAnswer(null, null, null);
            }
        }

        public string Describe(int httpStatus)
        {
            var description = new StringBuilder("Twilio ").Append(httpStatus.ToString(CultureInfo.InvariantCulture));
            if (Code is { } code)
            {
                description.Append(" error ").Append(code.ToString(CultureInfo.InvariantCulture));
            }

            if (!string.IsNullOrWhiteSpace(Message))
            {
                description.Append(": ").Append(Message.Length > MaxErrorMessageLength ? Message[..MaxErrorMessageLength] : Message);
            }

            return description.ToString();
        }
    }
}
