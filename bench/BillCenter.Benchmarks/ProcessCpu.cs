using System.Diagnostics;
using System.Globalization;

namespace BillCenter.Benchmarks;

/// <summary>CPU time (user + system) of a process, to see which side of a loop is busy.</summary>
internal static class ProcessCpu
{
    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>This process.</summary>
    public static TimeSpan Own()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Another process, from /proc/&lt;pid&gt;/stat; null without a pid or outside Linux.</summary>
    public static TimeSpan? Read(int? pid)
    {
        if (pid is not { } id)
        {
            return null;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{id.ToString(CultureInfo.InvariantCulture)}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ": state is field 0, utime field 11, stime field 12.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
