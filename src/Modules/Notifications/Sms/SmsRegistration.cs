using BillCenter.Modules.Notifications.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace BillCenter.Modules.Notifications.Sms;

internal static class SmsRegistration
{
    /// <summary>Whole call to Twilio, connection retries included: a slow Twilio is a transient failure, retried by the dispatcher.</summary>
    public static readonly TimeSpan TwilioTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <see cref="ISmsChannel"/>: Twilio (its SDK over a factory HttpClient pointed at Twilio:BaseUrl) when the "Twilio" section has an account, auth token and sender;
    /// otherwise <see cref="SmsLogChannel"/> writing to sms.log in the data folder.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TwilioOptions.Section);
        services.AddOptions<TwilioOptions>().Bind(section);

        var twilio = section.Get<TwilioOptions>() ?? new TwilioOptions();
        if (!twilio.IsConfigured)
        {
            services.AddSingleton<ISmsChannel>(sp => new SmsLogChannel(
                Path.Combine(dataFolder, SmsLogChannel.FileName),
                sp.GetService<TimeProvider>() ?? TimeProvider.System));
            return services;
        }

        // Outermost first: the BaseUrl handler, then the resilience handler inside it (so its retries keep the rewritten URL).
        services.AddTransient<TwilioBaseUrlHandler>();
        services.AddHttpClient<TwilioSmsChannel>(client => client.Timeout = TwilioTimeout)
            .AddHttpMessageHandler<TwilioBaseUrlHandler>()
            .AddResilienceHandler("twilio", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                // Only where the request never left us: retrying anything Twilio may have received could text twice.
                ShouldHandle = attempt => ValueTask.FromResult(attempt.Outcome.Exception is HttpRequestException
                {
                    HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError,
                }),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(250),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            }));
        services.AddTransient<ISmsChannel>(sp => sp.GetRequiredService<TwilioSmsChannel>());
        return services;
    }
}
