using System.Net.Sockets;
using BillCenter.Modules.Notifications.Channels;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Email;

/// <summary>Sends a batch over one authenticated SMTP connection (MailKit).</summary>
internal sealed class MailKitEmailChannel(IOptions<SmtpOptions> options, ILogger<MailKitEmailChannel> logger) : IEmailChannel
{
    private readonly SmtpOptions _options = options.Value;

    public async Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        var results = new List<DeliveryResult>(emails.Count);
        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(_options.Host!, _options.Port, Security(_options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(_options.Username))
            {
                await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException or SmtpProtocolException or SslHandshakeException or TimeoutException)
        {
            logger.LogWarning("Could not connect to the SMTP server {Host}:{Port}: {Error}", _options.Host, _options.Port, exception.Message);
            return emails.Select(e => new DeliveryResult(e.NotificationId, DeliveryOutcome.TransientFailure, Error: $"SMTP connect: {exception.Message}")).ToList();
        }
        catch (AuthenticationException exception)
        {
            return emails.Select(e => new DeliveryResult(e.NotificationId, DeliveryOutcome.TransientFailure, Error: $"SMTP authentication: {exception.Message}")).ToList();
        }

        foreach (var email in emails)
        {
            if (!client.IsConnected)
            {
                results.Add(new DeliveryResult(email.NotificationId, DeliveryOutcome.TransientFailure, Error: "SMTP connection lost"));
                continue;
            }

            try
            {
                await client.SendAsync(EmailMessages.Build(email, _options), cancellationToken);
                results.Add(new DeliveryResult(email.NotificationId, DeliveryOutcome.Sent, MessageIdOf(email)));
            }
            catch (SmtpCommandException exception)
            {
                // 4xx: try again later; 5xx: this message will never be accepted.
                var permanent = (int)exception.StatusCode >= 500;
                results.Add(new DeliveryResult(email.NotificationId, permanent ? DeliveryOutcome.PermanentFailure : DeliveryOutcome.TransientFailure,
                    Error: $"SMTP {(int)exception.StatusCode}: {exception.Message}"));
            }
            catch (Exception exception) when (exception is SmtpProtocolException or IOException or ServiceNotConnectedException)
            {
                results.Add(new DeliveryResult(email.NotificationId, DeliveryOutcome.TransientFailure, Error: $"SMTP: {exception.Message}"));
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }

        return results;
    }

    private static string MessageIdOf(OutgoingEmail email) => Dispatch.MessageIds.For(email.NotificationId);

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
