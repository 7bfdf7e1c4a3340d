using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BillCenter.Testing;

/// <summary>One message-create request as the fake Twilio received it.</summary>
public sealed record FakeTwilioRequest(
    string AccountSid,
    string? To,
    string? From,
    string? MessagingServiceSid,
    string? Body,
    string? StatusCallback,
    bool AuthorizationOk,
    int AnsweredStatus,
    string? MessageSid);

/// <summary>What the fake Twilio answers to one request.</summary>
public sealed record FakeTwilioAnswer(int StatusCode, int? ErrorCode = null, string? Message = null, TimeSpan Delay = default, string? HtmlBody = null)
{
    /// <summary>201 Created with a fresh "SM..." message SID.</summary>
    public static FakeTwilioAnswer Accepted { get; } = new(201);

    public static FakeTwilioAnswer InvalidNumber { get; } = new(400, 21211, "The 'To' number is not a valid phone number.");

    public static FakeTwilioAnswer OptedOut { get; } = new(400, 21610, "Attempt to send to unsubscribed recipient");

    public static FakeTwilioAnswer TooManyRequests { get; } = new(429, 20429, "Too Many Requests");

    public static FakeTwilioAnswer ServerError { get; } = new(500, 20500, "Internal Server Error");

    /// <summary>An HTML error page instead of Twilio's JSON, as a proxy or load balancer in front of Twilio answers.</summary>
    public static FakeTwilioAnswer ProxyErrorPage(int statusCode) =>
        new(statusCode, HtmlBody: $"<html><body><h1>{statusCode}</h1>The upstream server is not available.</body></html>");

    /// <summary>Answers <paramref name="answer"/> only after <paramref name="delay"/> (for timeout tests).</summary>
    public static FakeTwilioAnswer Slow(TimeSpan delay, FakeTwilioAnswer? answer = null) => (answer ?? Accepted) with { Delay = delay };
}

/// <summary>
/// A stand-in for api.twilio.com on a real loopback port: POST /2010-04-01/Accounts/{sid}/Messages.json with Basic
/// auth. Records every request and answers from a script: per-To rules first, then the queue, then 201.
/// </summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public const string DefaultAccountSid = "AC00000000000000000000000000000001";
    public const string DefaultAuthToken = "fake-twilio-auth-token";

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeTwilioRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private readonly ConcurrentQueue<FakeTwilioAnswer> _script = new();
    private readonly ConcurrentDictionary<string, FakeTwilioAnswer> _answersByTo = new(StringComparer.Ordinal);

    private FakeTwilio(WebApplication app, string accountSid, string authToken)
    {
        _app = app;
        AccountSid = accountSid;
        AuthToken = authToken;
    }

    public string AccountSid { get; }

    public string AuthToken { get; }

    /// <summary>"http://127.0.0.1:port": what goes in Twilio:BaseUrl.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<FakeTwilioRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The settings that point the app's Twilio channel at this fake.</summary>
    public IReadOnlyDictionary<string, string?> Settings(string from = "+15005550006") => new Dictionary<string, string?>
    {
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:From"] = from,
        ["Twilio:BaseUrl"] = BaseUrl,
    };

    public static async Task<FakeTwilio> StartAsync(string accountSid = DefaultAccountSid, string authToken = DefaultAuthToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeTwilio(app, accountSid, authToken);
        app.MapPost("/2010-04-01/Accounts/{sid}/Messages.json", fake.CreateMessageAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.Single().TrimEnd('/');
        return fake;
    }

    /// <summary>
    /// The X-Twilio-Signature Twilio sends with a webhook call it makes to <paramref name="url"/> with these POST
    /// parameters: Base64(HMAC-SHA1(auth token, URL + each name and value, sorted by name)). The app checks it with the
    /// Twilio SDK's RequestValidator; this is the independent other side.
    /// </summary>
    public static string SignCallback(string authToken, string url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var data = new StringBuilder(url);
        foreach (var (name, value) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(name).Append(value);
        }

        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
    }

    /// <summary>Answers the next unscripted request with <paramref name="answer"/>; queued answers are used in order.</summary>
    public void Enqueue(FakeTwilioAnswer answer) => _script.Enqueue(answer);

    public void EnqueueAccepted() => Enqueue(FakeTwilioAnswer.Accepted);

    public void EnqueueInvalidNumber() => Enqueue(FakeTwilioAnswer.InvalidNumber);

    public void EnqueueOptedOut() => Enqueue(FakeTwilioAnswer.OptedOut);

    public void EnqueueTooManyRequests() => Enqueue(FakeTwilioAnswer.TooManyRequests);

    public void EnqueueServerError() => Enqueue(FakeTwilioAnswer.ServerError);

    /// <summary>Every message to <paramref name="to"/> (E.164) gets <paramref name="answer"/>, ahead of the queue.</summary>
    public void AnswerFor(string to, FakeTwilioAnswer answer) => _answersByTo[to] = answer;

    /// <summary>Completes once <paramref name="count"/> requests in all have arrived; throws TimeoutException otherwise.</summary>
    public async Task<IReadOnlyList<FakeTwilioRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return [.. _requests];
            }

            _waiters.Add((count, reached));
        }

        try
        {
            await reached.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Fake Twilio got {Requests.Count} of the {count} requests expected within {timeout}.");
        }

        return Requests;
    }

    /// <summary>Waits until <paramref name="count"/> texts to <paramref name="to"/> (E.164) have arrived, and returns them in order.</summary>
    public Task<List<FakeTwilioRequest>> WaitForTextsToAsync(string to, int count = 1, TimeSpan? timeout = null) =>
        WaitForTextsToAsync(to, _ => true, count, timeout);

    /// <summary>The one-time codes texted to <paramref name="to"/>, once <paramref name="count"/> have arrived (alerts to the same number left out).</summary>
    public Task<List<FakeTwilioRequest>> WaitForCodesToAsync(string to, int count = 1, TimeSpan? timeout = null) =>
        WaitForTextsToAsync(to, r => r.Body?.Contains("one-time code", StringComparison.Ordinal) == true, count, timeout);

    private Task<List<FakeTwilioRequest>> WaitForTextsToAsync(string to, Func<FakeTwilioRequest, bool> which, int count, TimeSpan? timeout) =>
        Eventually.MatchAsync(
            () => Task.FromResult(Requests.Where(r => r.To == to && which(r)).ToList()),
            texts => texts.Count >= count,
            texts => $"expected {count} text(s) to {to}, got {texts.Count}",
            timeout);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CreateMessageAsync(HttpContext http, string sid)
    {
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : FormCollection.Empty;
        string? Field(string name) => form.TryGetValue(name, out var value) ? value.ToString() : null;
        var authorized = IsAuthorized(http.Request.Headers.Authorization.ToString());
        var to = Field("To");

        FakeTwilioAnswer answer;
        if (!authorized)
        {
            answer = new FakeTwilioAnswer(401, 20003, "Authenticate");
        }
        else if (!string.Equals(sid, AccountSid, StringComparison.Ordinal))
        {
            answer = new FakeTwilioAnswer(404, 20404, "The requested resource was not found");
        }
        else if (to is not null && _answersByTo.TryGetValue(to, out var rule))
        {
            answer = rule;
        }
        else
        {
            answer = _script.TryDequeue(out var scripted) ? scripted : FakeTwilioAnswer.Accepted;
        }

        var messageSid = answer.StatusCode == 201 ? $"SM{Guid.NewGuid():N}" : null;
        Record(new FakeTwilioRequest(sid, to, Field("From"), Field("MessagingServiceSid"), Field("Body"), Field("StatusCallback"), authorized, answer.StatusCode, messageSid));

        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, http.RequestAborted);
        }

        http.Response.StatusCode = answer.StatusCode;
        if (answer.HtmlBody is not null)
        {
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(answer.HtmlBody, http.RequestAborted);
        }
        else if (messageSid is not null)
        {
            await http.Response.WriteAsJsonAsync(
                new Dictionary<string, object?>
                {
                    ["sid"] = messageSid,
                    ["account_sid"] = sid,
                    ["to"] = to,
                    ["from"] = Field("From"),
                    ["messaging_service_sid"] = Field("MessagingServiceSid"),
                    ["body"] = Field("Body"),
                    ["status"] = "queued",
                },
                http.RequestAborted);
        }
        else
        {
            await http.Response.WriteAsJsonAsync(
                new Dictionary<string, object?>
                {
                    ["code"] = answer.ErrorCode,
                    ["message"] = answer.Message,
                    ["more_info"] = answer.ErrorCode is { } code ? $"https://www.twilio.com/docs/errors/{code}" : null,
                    ["status"] = answer.StatusCode,
                },
                http.RequestAborted);
        }
    }

    private bool IsAuthorized(string header)
    {
        if (!AuthenticationHeaderValue.TryParse(header, out var value) ||
            !string.Equals(value.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null)
        {
            return false;
        }

        try
        {
            return string.Equals(Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter)), $"{AccountSid}:{AuthToken}", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private void Record(FakeTwilioRequest request)
    {
        List<TaskCompletionSource> reached = [];
        lock (_gate)
        {
            _requests.Add(request);
            foreach (var waiter in _waiters.Where(w => w.Count <= _requests.Count).ToList())
            {
                _waiters.Remove(waiter);
                reached.Add(waiter.Reached);
            }
        }

        foreach (var waiter in reached)
        {
            waiter.TrySetResult();
        }
    }
}
