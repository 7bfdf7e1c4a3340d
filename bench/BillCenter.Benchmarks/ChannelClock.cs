using System.Diagnostics;
using BillCenter.Modules.Notifications.Channels;

namespace BillCenter.Benchmarks;

/// <summary>
/// How much of a drain the app spent inside its email/SMS channel: the wall time with at least one send in
/// flight (the rest is claiming, loading, recording and job overhead) and the average number in flight.
/// </summary>
internal sealed class ChannelClock
{
    private readonly Lock _gate = new();
    private int _inFlight;
    private long _busySince;
    private long _busyTicks;
    private long _callTicks;
    private long _calls;
    private long _messages;

    public ChannelStats Reset()
    {
        lock (_gate)
        {
            var stats = Snapshot();
            _busyTicks = _callTicks = _calls = _messages = 0;
            _busySince = Stopwatch.GetTimestamp();
            return stats;
        }
    }

    public ChannelStats Snapshot()
    {
        lock (_gate)
        {
            var busy = _busyTicks + (_inFlight > 0 ? Stopwatch.GetTimestamp() - _busySince : 0);
            return new ChannelStats(_calls, _messages, Stopwatch.GetElapsedTime(0, busy), Stopwatch.GetElapsedTime(0, _callTicks));
        }
    }

    public long Enter()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            if (_inFlight++ == 0)
            {
                _busySince = now;
            }
        }

        return now;
    }

    public void Exit(long started, int messages)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _calls++;
            _messages += messages;
            _callTicks += now - started;
            if (--_inFlight == 0)
            {
                _busyTicks += now - _busySince;
            }
        }
    }
}

/// <summary>Calls, messages, wall time with a send in flight, and the sum of all calls' durations.</summary>
internal sealed record ChannelStats(long Calls, long Messages, TimeSpan Busy, TimeSpan InCalls)
{
    public double AverageInFlight => Busy > TimeSpan.Zero ? InCalls / Busy : 0;
}

internal sealed class TimedEmailChannel(IEmailChannel inner, ChannelClock clock) : IEmailChannel
{
    public async Task<IReadOnlyList<DeliveryResult>> SendBatchAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        var started = clock.Enter();
        try
        {
            return await inner.SendBatchAsync(emails, cancellationToken);
        }
        finally
        {
            clock.Exit(started, emails.Count);
        }
    }
}

internal sealed class TimedSmsChannel(ISmsChannel inner, ChannelClock clock) : ISmsChannel
{
    public async Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        var started = clock.Enter();
        try
        {
            return await inner.SendAsync(sms, cancellationToken);
        }
        finally
        {
            clock.Exit(started, 1);
        }
    }
}
