using BillCenter.Modules.Notifications.Channels;
using BillCenter.Modules.Notifications.Sms;
using Microsoft.Extensions.Time.Testing;

namespace BillCenter.Notifications.Tests;

public sealed class SmsLogChannelTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("billcenter-sms-");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 14, 30, 5, TimeSpan.Zero));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string LogFile => Path.Combine(_folder.FullName, SmsLogChannel.FileName);

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Given_a_text_Then_one_line_with_the_UTC_time_notification_To_and_Body_is_appended_and_it_counts_as_sent()
    {
        using var channel = new SmsLogChannel(LogFile, _clock);
        var id = Guid.CreateVersion7();

        var result = await channel.SendAsync(new OutgoingSms(id, "+12125550148", "Your BillCenter code is 123456"), Cancel);

        Assert.Equal(new DeliveryResult(id, DeliveryOutcome.Sent, $"log-{id}"), result);
        var line = Assert.Single(await File.ReadAllLinesAsync(LogFile, Cancel));
        Assert.Equal($"2026-03-01T14:30:05.0000000Z\t{id}\t+12125550148\tYour BillCenter code is 123456", line);
    }

    [Fact]
    public async Task Given_a_body_with_line_breaks_and_tabs_Then_it_still_takes_exactly_one_line()
    {
        using var channel = new SmsLogChannel(LogFile, _clock);

        await channel.SendAsync(new OutgoingSms(Guid.CreateVersion7(), "+12125550148", "Line one\r\nLine\ttwo"), Cancel);

        var line = Assert.Single(await File.ReadAllLinesAsync(LogFile, Cancel));
        Assert.EndsWith("\tLine one\\r\\nLine\\ttwo", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_many_texts_sent_at_once_Then_every_one_gets_its_own_whole_line()
    {
        using var channel = new SmsLogChannel(LogFile, _clock);
        var sms = Enumerable.Range(0, 200)
            .Select(i => new OutgoingSms(Guid.CreateVersion7(), "+12125550148", $"Message {i} " + new string('x', 500)))
            .ToList();

        var results = await Task.WhenAll(sms.Select(s => Task.Run(() => channel.SendAsync(s, Cancel), Cancel)));

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        var lines = await File.ReadAllLinesAsync(LogFile, Cancel);
        Assert.Equal(sms.Count, lines.Length);
        var expected = sms.Select(s => $"2026-03-01T14:30:05.0000000Z\t{s.NotificationId}\t{s.To}\t{s.Body}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, lines.Order(StringComparer.Ordinal));
    }
}
