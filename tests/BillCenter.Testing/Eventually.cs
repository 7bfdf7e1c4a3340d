namespace BillCenter.Testing;

/// <summary>
/// Waits for something another thread or process does (a dispatcher, a mail server, a job): looks again and again
/// until the condition holds, and fails with the last value seen once the deadline has passed. The pauses between
/// looks are short and only pace the polling; the condition decides when the wait ends.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads <paramref name="probe"/> until <paramref name="accept"/> holds for its value, and returns that value.</summary>
    public static async Task<T> MatchAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, Func<T, string> failure, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(accept);
        ArgumentNullException.ThrowIfNull(failure);
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var pause = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{failure(value)} (waited {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s)");
            }

            await Task.Delay(pause, TestContext.Current.CancellationToken);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 100));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string failure, TimeSpan? timeout = null) =>
        MatchAsync(condition, ok => ok, _ => failure, timeout);

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    public static Task TrueAsync(Func<bool> condition, string failure, TimeSpan? timeout = null) =>
        MatchAsync(() => Task.FromResult(condition()), ok => ok, _ => failure, timeout);
}
