using System.Net;

namespace BillCenter.Testing;

public static class HttpClientExtensions
{
    /// <summary>GETs the form at <paramref name="path"/>, then POSTs <paramref name="fields"/> with its antiforgery token.</summary>
    public static Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string path, IDictionary<string, string> fields) =>
        client.SubmitFormAsync(path, path, fields);

    /// <summary>GETs the form at <paramref name="path"/>, then POSTs <paramref name="fields"/> to <paramref name="action"/> (e.g. a button's formaction).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string path, string action, IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = BillCenterApp.AntiforgeryToken(form) };
        return await client.PostAsync(action, new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userId, string password)
    {
        var response = await client.SubmitFormAsync("/sign-in", new Dictionary<string, string>
        {
            ["Data.UserName"] = userId,
            ["Data.Password"] = password,
        });
        return response;
    }

    public static async Task SignInOrFailAsync(this HttpClient client, string userId, string password)
    {
        var response = await client.SignInAsync(userId, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/accounts", response.Headers.Location?.OriginalString);
    }
}
