using System.Globalization;
using System.Text;
using BillCenter.Modules.Notifications.Contracts;

namespace BillCenter.Benchmarks;

internal sealed record ScenarioResult(DispatchResult Dispatch, CeilingResult Ceiling);

/// <summary>The results as Markdown: one table of rates, then where the time went.</summary>
internal static class Report
{
    public static string Render(BenchOptions options, IReadOnlyList<ScenarioResult> results, TimeSpan total)
    {
        var md = new StringBuilder();
        md.AppendLine("# BillCenter dispatch benchmark");
        md.AppendLine();
        md.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · .NET {Environment.Version} · " +
            $"{options.Count} alerts per scenario over {options.Accounts} accounts, {options.QueueParallelism} callers queueing · " +
            $"ceilings: {options.CeilingCount} messages · whole run {total.TotalMinutes:0.0} min"));
        md.AppendLine();
        md.AppendLine("- **Queue**: `QueueAlert` through MediatR, one scope per alert (contact lookup, insert, dispatch signal).");
        md.AppendLine("- **Drain** (mode backlog): the app's Hangfire jobs are held while the alerts are queued, then released; from the release " +
                      "to the last notification recorded as Sent (job → claim → send → status). Mode live: nothing held, timed from the first alert.");
        md.AppendLine("- **Ceiling**: a bare client against the same server just before the scenario: MailKit, one connection reused, " +
                      "messages built like the app's; HttpClient to the fake Twilio, as many at once as the dispatcher's SmsConcurrency.");
        md.AppendLine();
        md.AppendLine("| Scenario | DB | Mode | Queue s | Queued/s | Drain s | **Sent/s** | Ceiling/s | **% of ceiling** | First sent s | Jobs (most at once) | Retries | Check |");
        md.AppendLine("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        foreach (var (d, c) in results)
        {
            md.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {BenchOptions.Name(d.Scenario)} | {d.Database} | {d.Mode.ToString().ToLowerInvariant()} | {d.QueueTime.TotalSeconds:0.0} | {d.QueuedPerSecond:0} | " +
                $"{d.Drain.TotalSeconds:0.0}{(d.TimedOut ? " (timed out)" : string.Empty)} | **{d.PerSecond:0}** | {c.PerSecond:0} | **{Percent(d.PerSecond, c.PerSecond)}** | " +
                $"{d.FirstSent?.TotalSeconds:0.0} | {d.Jobs} ({d.MaxJobsAtOnce}) | {d.Retried} | {Check(d)} |"));
        }

        md.AppendLine();
        md.AppendLine("Ceilings:");
        md.AppendLine();
        foreach (var (d, c) in results.DistinctBy(r => r.Ceiling))
        {
            var serverCpu = c.ServerCpu is { } cpu ? Invariant($", SMTP server CPU {Percent(cpu.TotalSeconds, c.Elapsed.TotalSeconds)} of one core") : string.Empty;
            md.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"- before {BenchOptions.Name(d.Scenario)} on {d.Database}: {c.Name}: {c.Messages} in {c.Elapsed.TotalSeconds:0.0} s = {c.PerSecond:0}/s; " +
                $"benchmark process CPU {Percent(c.OwnCpu.TotalSeconds, c.Elapsed.TotalSeconds)} of one core ({PerMessage(c.OwnCpu, c.Messages)} per message){serverCpu}"));
        }

        md.AppendLine();
        md.AppendLine("## Where the time goes");
        md.AppendLine();
        md.AppendLine("SQL commands the app executed (EF Core interceptor; the benchmark's own polling left out), per notification. " +
                      "Time is the command's own duration as EF Core measures it (on SQLite it includes waiting for the write lock).");
        md.AppendLine();
        foreach (var (d, _) in results)
        {
            md.AppendLine(Invariant($"### {BenchOptions.Name(d.Scenario)} on {d.Database}, {d.Mode.ToString().ToLowerInvariant()}"));
            md.AppendLine();
            var serverCpu = d.ServerCpu is { } cpu ? Invariant($"; SMTP server {Percent(cpu.TotalSeconds, d.Drain.TotalSeconds)} of one core") : string.Empty;
            md.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Host start {d.HostStart.TotalSeconds:0.0} s. CPU while queueing: benchmark process {Percent(d.QueueCpu.TotalSeconds, d.QueueTime.TotalSeconds)} of one core " +
                $"({PerMessage(d.QueueCpu, d.Alerts)} per alert). CPU while draining: benchmark process (app + fake Twilio) {Percent(d.DrainCpu.TotalSeconds, d.Drain.TotalSeconds)} of one core " +
                $"({PerMessage(d.DrainCpu, d.Notifications)} per message){serverCpu}."));
            var ch = d.Channel;
            md.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Inside the {(d.Scenario == Scenario.Sms ? "SMS" : "email")} channel: {ch.Calls} calls for {ch.Messages} messages; at least one send in flight " +
                $"{ch.Busy.TotalSeconds:0.0} s of the {d.Drain.TotalSeconds:0.0} s drain ({Percent(ch.Busy.TotalSeconds, d.Drain.TotalSeconds)}), {ch.AverageInFlight:0.0} in flight on average; " +
                $"{PerMessage(ch.InCalls, (int)Math.Max(ch.Messages, 1))} per message inside the channel."));
            if (d.Mode == RunMode.Live)
            {
                md.AppendLine(Invariant($"When the last alert was queued, {d.SentWhenQueued} of the {d.Notifications} notifications were sent."));
            }

            md.AppendLine(Invariant($"Statuses: {string.Join(", ", d.Statuses.OrderBy(s => s.Key).Select(s => Invariant($"{s.Key} {s.Value}")))}."));
            md.AppendLine();
            if (d.Mode == RunMode.Backlog)
            {
                SqlTable(md, "Queue", d.QueueSql, d.Alerts);
                SqlTable(md, "Drain", d.DrainSql, d.Notifications);
            }
            else
            {
                SqlTable(md, "Queue and drain", d.DrainSql, d.Notifications);
            }
        }

        return md.ToString();
    }

    private static void SqlTable(StringBuilder md, string phase, IReadOnlyDictionary<string, SqlStat> sql, int messages)
    {
        md.AppendLine(Invariant($"| {phase}: SQL command | Count | Per message | Total ms | µs per message |"));
        md.AppendLine("|---|--:|--:|--:|--:|");
        var perMessage = Math.Max(messages, 1);
        foreach (var (signature, stat) in sql.OrderByDescending(s => s.Value.Time))
        {
            var failed = stat.Failed > 0 ? Invariant($" ({stat.Failed} failed)") : string.Empty;
            md.AppendLine(Invariant(
                $"| `{signature}`{failed} | {stat.Count} | {(double)stat.Count / perMessage:0.###} | {stat.Time.TotalMilliseconds:0} | {1000 * stat.Time.TotalMilliseconds / perMessage:0} |"));
        }

        var count = sql.Values.Sum(s => s.Count);
        var ms = sql.Values.Sum(s => s.Time.TotalMilliseconds);
        md.AppendLine(Invariant($"| **all** | {count} | {(double)count / perMessage:0.###} | {ms:0} | {1000 * ms / perMessage:0} |"));
        md.AppendLine();
    }

    private static string Check(DispatchResult d)
    {
        var problems = new List<string>();
        if (d.Notifications != d.Alerts)
        {
            problems.Add(Invariant($"{d.Notifications} notifications for {d.Alerts} alerts"));
        }

        if (d.Delivered is { } delivered && delivered != d.Notifications)
        {
            problems.Add(Invariant($"{delivered} arrived"));
        }

        var notSent = d.Statuses.Where(s => s.Key is not NotificationStatus.Sent).Sum(s => s.Value);
        if (notSent > 0)
        {
            problems.Add(Invariant($"{notSent} not sent"));
        }

        return problems.Count == 0
            ? d.Delivered is { } ok ? Invariant($"ok, {ok} arrived") : "ok"
            : string.Join("; ", problems);
    }

    private static string PerMessage(TimeSpan time, int messages) => Invariant($"{1000 * time.TotalMilliseconds / Math.Max(messages, 1):0} µs");

    private static string Percent(double value, double of) => of > 0 ? Invariant($"{100 * value / of:0} %") : "–";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
