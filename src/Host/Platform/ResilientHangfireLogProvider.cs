using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace BillCenter.Host.Platform;

/// <summary>
/// Hangfire keeps its log provider in a static. When several hosts share a process (tests, or a host restarted
/// in place) the static may point at a disposed logger factory; logging then must not fail the job or the request.
/// </summary>
internal sealed class ResilientHangfireLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name) => new ResilientLog(() => _inner.GetLogger(name));

    private sealed class ResilientLog(Func<ILog> create) : ILog
    {
        private ILog? _log;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                _log ??= create();
                return _log.Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
