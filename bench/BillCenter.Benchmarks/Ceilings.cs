using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using BillCenter.Modules.Notifications.Domain;
using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Email;
using BillCenter.Testing;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace BillCenter.Benchmarks;

internal sealed record CeilingResult(string Name, int Messages, TimeSpan Elapsed, TimeSpan OwnCpu, TimeSpan? ServerCpu)
{
    public double PerSecond => Messages / Elapsed.TotalSeconds;
}

/// <summary>The raw ceilings: the fastest a bare client gets through the same server, with nothing else around it.</summary>
internal static class Ceilings
{
    private const int Warmup = 50;

    /// <summary>A ceiling runs at least this long (and at least the messages asked for), so a fast one is not a blip.</summary>
    private static readonly TimeSpan MinimumDuration = TimeSpan.FromSeconds(2);

    /// <summary>One MailKit connection, reused for every message; each message built like the app builds an alert email.</summary>
    public static async Task<CeilingResult> MailKitAsync(SmtpEndpoint server, int count, int? serverPid, CancellationToken cancellationToken)
    {
        var options = new SmtpOptions { Host = server.Host, Port = server.Port, Security = SmtpSecurity.None, From = Dispatch.From };
        using var client = new SmtpClient();
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None, cancellationToken);

        // Warm up (JIT, first buffers) on the same connection, outside the measurement.
        for (var i = 0; i < Warmup; i++)
        {
            await client.SendAsync(EmailMessages.Build(Email(i, "warmup"), options), cancellationToken);
        }

        var cpu = ProcessCpu.Read(serverPid);
        var ownCpu = ProcessCpu.Own();
        var watch = Stopwatch.StartNew();
        var sent = 0;
        while (sent < count || watch.Elapsed < MinimumDuration)
        {
            await client.SendAsync(EmailMessages.Build(Email(sent++, "ceiling"), options), cancellationToken);
        }

        watch.Stop();
        ownCpu = ProcessCpu.Own() - ownCpu;
        var serverCpu = ProcessCpu.Read(serverPid) - cpu;
        await client.DisconnectAsync(quit: true, cancellationToken);
        return new CeilingResult("MailKit, 1 connection", sent, watch.Elapsed, ownCpu, serverCpu);
    }

    /// <summary>HttpClient posting Twilio-shaped message requests to the fake, <paramref name="concurrency"/> at a time.</summary>
    public static async Task<CeilingResult> HttpClientAsync(FakeTwilio twilio, int count, int concurrency, TimeSpan latency, CancellationToken cancellationToken)
    {
        const string to = "+14045550199";
        if (latency > TimeSpan.Zero)
        {
            twilio.AnswerFor(to, FakeTwilioAnswer.Slow(latency));
        }

        using var http = new HttpClient { BaseAddress = new Uri(twilio.BaseUrl) };
        var uri = new Uri($"/2010-04-01/Accounts/{twilio.AccountSid}/Messages.json", UriKind.Relative);
        var auth = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{twilio.AccountSid}:{twilio.AuthToken}")));
        var body = AlertTemplates.Render("test", new Dictionary<string, string> { ["Marker"] = "ceiling" }).Sms;

        async Task<int> RunAsync(int total, TimeSpan minimum)
        {
            var next = -1;
            var sent = 0;
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
            {
                while (Interlocked.Increment(ref next) < total || watch.Elapsed < minimum)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, uri)
                    {
                        Content = new FormUrlEncodedContent(
                        [
                            new("To", to),
                            new("From", "+15005550006"),
                            new("Body", body),
                        ]),
                    };
                    request.Headers.Authorization = auth;
                    using var response = await http.SendAsync(request, cancellationToken);
                    _ = await response.Content.ReadAsStringAsync(cancellationToken);
                    if ((int)response.StatusCode != 201)
                    {
                        throw new InvalidOperationException($"The fake Twilio answered {(int)response.StatusCode}.");
                    }

                    Interlocked.Increment(ref sent);
                }
            }));
            return sent;
        }

        await RunAsync(Warmup * concurrency, TimeSpan.Zero);
        var ownCpu = ProcessCpu.Own();
        var watch = Stopwatch.StartNew();
        var sent = await RunAsync(count, MinimumDuration);
        watch.Stop();
        ownCpu = ProcessCpu.Own() - ownCpu;
        var name = latency > TimeSpan.Zero ? $"HttpClient, {concurrency} at once, fake answering after {latency.TotalMilliseconds:0} ms" : $"HttpClient, {concurrency} at once";
        return new CeilingResult(name, sent, watch.Elapsed, ownCpu, null);
    }

    /// <summary>The same words and size as the app's "test" alert email.</summary>
    private static OutgoingEmail Email(int i, string prefix)
    {
        var message = AlertTemplates.Render("test", new Dictionary<string, string> { ["Marker"] = $"{prefix}-{i.ToString(CultureInfo.InvariantCulture)}" });
        return new OutgoingEmail(Guid.CreateVersion7(), $"ceiling.{(i % 200).ToString(CultureInfo.InvariantCulture)}@bench.example", message.Subject, message.Text, message.Html);
    }
}
