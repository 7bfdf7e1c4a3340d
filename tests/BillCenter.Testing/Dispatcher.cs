using BillCenter.Modules.Notifications.Dispatch;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.Testing;

/// <summary>The app's notification dispatcher, driven by the test.</summary>
public static class Dispatcher
{
    /// <summary>
    /// Sends everything that is due now and returns when the dispatcher has nothing left to do: after it, a
    /// "nothing was sent" check looks at a settled state, not at a send still on its way.
    /// </summary>
    public static Task DrainAsync(BillCenterApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.WithScopeAsync(services => services.GetRequiredService<NotificationDispatcher>().DrainAsync(TestContext.Current.CancellationToken));
    }
}
