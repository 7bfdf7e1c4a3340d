using System.Globalization;
using System.Text;
using BillCenter.Modules.Notifications.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace BillCenter.Modules.Notifications.Sms;

/// <summary>
/// Sends one SMS through the Twilio SDK (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>)
/// and turns Twilio's answer into a <see cref="DeliveryResult"/>. It never retries a refused message: the dispatcher
/// retries transient failures later.
/// </summary>
internal sealed class TwilioSmsChannel : ISmsChannel
{
    public const int InvalidNumberCode = 21211;
    public const int OptedOutCode = 21610;
    public const int TooManyRequestsCode = 20429;

    // Twilio's messages can quote the number; keep the stored error short enough for LastError.
    private const int MaxErrorMessageLength = 300;

    private readonly TwilioOptions _twilio;
    private readonly ILogger<TwilioSmsChannel> _logger;
    private readonly TwilioRestClient _client;
    private readonly Uri? _statusCallback;

    /// <param name="http">
    /// From IHttpClientFactory, with <see cref="TwilioBaseUrlHandler"/> outermost: the SDK's every request goes through
    /// its handlers (BaseUrl, resilience, logging) and its timeout.
    /// </param>
    public TwilioSmsChannel(System.Net.Http.HttpClient http, IOptions<TwilioOptions> options, ILogger<TwilioSmsChannel> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _twilio = options.Value;
        _logger = logger;
        // One SDK client per channel (the dispatcher's whole batch), never the static TwilioClient: no global state.
        _client = new TwilioRestClient(_twilio.AccountSid, _twilio.AuthToken, httpClient: new SystemNetHttpClient(http));
        if (!string.IsNullOrWhiteSpace(_twilio.StatusCallbackUrl))
        {
            _statusCallback = Uri.TryCreate(_twilio.StatusCallbackUrl, UriKind.Absolute, out var callback) ? callback : null;
        }
    }

    public async Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        if (!PhoneNumbers.TryNormalize(sms.To, out var to))
        {
            _logger.LogWarning("SMS {NotificationId} not sent: the destination is not a valid phone number", sms.NotificationId);
            return new DeliveryResult(sms.NotificationId, DeliveryOutcome.InvalidRecipient, Error: "Not a valid phone number");
        }

        if (_statusCallback is null && !string.IsNullOrWhiteSpace(_twilio.StatusCallbackUrl))
        {
            // Twilio would refuse the message (21609) for the same reason.
            _logger.LogError("SMS {NotificationId} not sent: Twilio:StatusCallbackUrl is not an absolute URL", sms.NotificationId);
            return new DeliveryResult(sms.NotificationId, DeliveryOutcome.PermanentFailure, Error: "Twilio:StatusCallbackUrl is not an absolute URL");
        }

        var call = TwilioBaseUrlHandler.BeginCall(cancellationToken);
        DeliveryResult result;
        int? code = null;
        try
        {
            var message = await MessageResource.CreateAsync(MessageOptions(to, sms.Body), _client);
            // The SDK returns a message only for a 2xx/3xx answer; the status tells them apart, as before.
            result = ResultOf(sms.NotificationId, call.HttpStatus ?? 200, message.Sid, code: null, message: null);
        }
        catch (ApiException exception)
        {
            // Status 0: the answer was no Twilio error JSON (a proxy's HTML page, say): the HTTP status is all we know.
            var parsed = exception.Status != 0;
            code = parsed && exception.Code != 0 ? exception.Code : null;
            result = ResultOf(sms.NotificationId, parsed ? exception.Status : call.HttpStatus ?? 0, sid: null, code, parsed ? exception.Message : null);
        }
        catch (ApiConnectionException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The SMS send was canceled.", exception, cancellationToken);
        }
        catch (ApiConnectionException exception) when (exception.InnerException is TaskCanceledException)
        {
            // HttpClient's own timeout, not the caller giving up. Twilio may still have taken it.
            _logger.LogWarning(exception.InnerException, "SMS {NotificationId}: Twilio did not answer in time", sms.NotificationId);
            return new DeliveryResult(sms.NotificationId, DeliveryOutcome.TransientFailure, Error: "Twilio timed out");
        }
        catch (ApiConnectionException exception)
        {
            var error = exception.InnerException is HttpRequestException http ? http.HttpRequestError : HttpRequestError.Unknown;
            _logger.LogWarning(exception.InnerException ?? exception, "SMS {NotificationId}: Twilio could not be reached", sms.NotificationId);
            return new DeliveryResult(sms.NotificationId, DeliveryOutcome.TransientFailure, Error: $"Twilio unreachable: {error}");
        }

        // Twilio's message can quote the number, so the log gets the codes only.
        _logger.LogInformation(
            "SMS {NotificationId} to {Destination}: {Outcome} (HTTP {HttpStatus}, Twilio code {TwilioCode})",
            sms.NotificationId, PhoneNumbers.Mask(to), result.Outcome, call.HttpStatus, code);
        return result;
    }

    private CreateMessageOptions MessageOptions(string to, string body)
    {
        var options = new CreateMessageOptions(new PhoneNumber(to)) { Body = body, StatusCallback = _statusCallback };
        // A messaging service picks the sender from its pool, so it wins over a fixed From number.
        if (string.IsNullOrWhiteSpace(_twilio.MessagingServiceSid))
        {
            options.From = new PhoneNumber(_twilio.From);
        }
        else
        {
            options.MessagingServiceSid = _twilio.MessagingServiceSid;
        }

        return options;
    }

    private static DeliveryResult ResultOf(Guid notificationId, int status, string? sid, int? code, string? message)
    {
        if (status is >= 200 and < 300)
        {
            // Accepted without a SID cannot be tracked, but sending again would text the cardholder twice.
            return new DeliveryResult(notificationId, DeliveryOutcome.Sent, sid);
        }

        var outcome = code switch
        {
            InvalidNumberCode => DeliveryOutcome.InvalidRecipient,
            OptedOutCode => DeliveryOutcome.RecipientOptedOut,
            TooManyRequestsCode => DeliveryOutcome.TransientFailure,
            _ when status is 429 or >= 500 => DeliveryOutcome.TransientFailure,
            _ => DeliveryOutcome.PermanentFailure,
        };
        return new DeliveryResult(notificationId, outcome, Error: Describe(status, code, message));
    }

    private static string Describe(int httpStatus, int? code, string? message)
    {
        var description = new StringBuilder("Twilio ").Append(httpStatus.ToString(CultureInfo.InvariantCulture));
        if (code is { } c)
        {
            description.Append(" error ").Append(c.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(message))
        {
            description.Append(": ").Append(message.Length > MaxErrorMessageLength ? message[..MaxErrorMessageLength] : message);
        }

        return description.ToString();
    }
}
