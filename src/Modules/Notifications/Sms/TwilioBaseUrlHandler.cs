using Microsoft.Extensions.Options;

namespace BillCenter.Modules.Notifications.Sms;

/// <summary>
/// The outermost handler of the Twilio HttpClient. The SDK always calls https://api.twilio.com; this sends its requests
/// to <see cref="TwilioOptions.BaseUrl"/> instead (a fake Twilio in tests, staging), and carries what the SDK's API
/// cannot: the caller's cancellation token into the request, and the HTTP status of the answer back out
/// (see <see cref="Call"/>). The resilience handler sits inside it, so retries go to the same rewritten URL.
/// </summary>
internal sealed class TwilioBaseUrlHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    private static readonly AsyncLocal<Call?> Current = new();

    private readonly string _baseUrl = options.Value.BaseUrl.TrimEnd('/');

    /// <summary>
    /// Starts a call on the current async flow: every Twilio request made further down this flow is cancelled by
    /// <paramref name="cancellationToken"/> and records its HTTP status in the returned <see cref="Call"/>.
    /// Set from inside an async method, it ends with that method.
    /// </summary>
    public static Call BeginCall(CancellationToken cancellationToken) => Current.Value = new Call(cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is { IsAbsoluteUri: true } uri && _baseUrl.Length > 0)
        {
            // Scheme, host, port (and any path prefix) from BaseUrl; Twilio's path and query as the SDK built them.
            request.RequestUri = new Uri(_baseUrl + uri.PathAndQuery);
        }

        var call = Current.Value;
        HttpResponseMessage response;
        if (call is { CancellationToken.CanBeCanceled: true })
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.CancellationToken);
            response = await base.SendAsync(request, linked.Token);
        }
        else
        {
            response = await base.SendAsync(request, cancellationToken);
        }

        call?.HttpStatus = (int)response.StatusCode;
        return response;
    }

    /// <summary>One SMS send through the SDK, as this handler saw it.</summary>
    internal sealed class Call(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        /// <summary>Twilio's HTTP status (of the last attempt); null if no answer came back.</summary>
        public int? HttpStatus { get; set; }
    }
}
