package io.careledger.service.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The managers' dashboard: a static page ({@code static/dashboard/}) that signs in and reads the metrics from
 * {@code /graphql} like any other client. The page and its scripts hold no data, so they are open; the
 * figures need an ANALYST or SUPERVISOR sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration implements WebMvcConfigurer {
    public static final String PATH = "/dashboard";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // Filters in the address (?from=...&storeId=...) survive the redirect, so a dashboard view can be shared.
        registry.addRedirectViewController(PATH, PATH + "/index.html").setKeepQueryParams(true);
        registry.addRedirectViewController(PATH + "/", PATH + "/index.html").setKeepQueryParams(true);
    }
}
