/// Facts about Google Analytics 4 that the rules check against, kept in one place.
///
/// Source: Google's GA4 help pages on event naming and collection limits and the recommended
/// events reference (summarized in `reference/ga4-rules.md`). Limits change; change them here.
public enum GA4Facts {
    /// The longest event name GA4 accepts.
    public static let maxEventNameLength = 40
    /// The longest parameter name GA4 accepts.
    public static let maxParamNameLength = 40
    /// The most parameters one event may carry.
    public static let maxParamsPerEvent = 25
    /// The most key events one property may mark.
    public static let maxKeyEvents = 30
    /// The most event-scoped custom dimensions of a standard property.
    public static let maxEventScopedCustomDimensions = 50

    /// The measurement id a generated container uses when the plan gives none.
    public static let placeholderMeasurementID = "G-XXXXXXXXXX"

    /// Parameters GA4 collects and reports on its own (page, Enhanced Measurement, session):
    /// registering them again would waste a custom definition.
    public static let predefinedParams: Set<String> = [
        "page_location", "page_referrer", "page_title", "page_path", "language", "screen_resolution",
        "link_url", "link_text", "link_domain", "link_classes", "link_id", "outbound", "file_extension", "file_name",
        "video_title", "video_url", "video_provider", "video_percent", "video_current_time", "video_duration", "visible",
        "percent_scrolled", "search_term", "form_id", "form_name", "form_destination", "form_length", "form_submit_text",
        "engagement_time_msec", "session_id", "session_number", "campaign", "source", "medium", "term", "content",
    ]

    /// Parameter names GA4 knows without a custom definition: those of its recommended events and
    /// those it collects itself.
    public static let standardParams: Set<String> = Set(recommendedEvents.values.flatMap(\.params)).union(predefinedParams)

    /// Event names reserved on the web.
    public static let reservedEventNames: Set<String> = [
        "ad_impression", "app_remove", "app_store_refund", "app_store_subscription_cancel",
        "app_store_subscription_renew", "click", "error", "file_download", "first_open", "first_visit",
        "form_start", "form_submit", "in_app_purchase", "page_view", "scroll", "session_start",
        "user_engagement", "video_complete", "video_progress", "video_start", "view_complete",
        "view_search_results",
        // App-only names that are reserved too.
        "ad_activeview", "ad_click", "ad_exposure", "ad_query", "ad_reward", "adunit_exposure",
        "app_clear_data", "app_exception", "app_install", "app_update", "app_upgrade",
        "firebase_campaign", "os_update", "screen_view",
    ]

    /// Reserved event name prefixes (app-only families included).
    public static let reservedEventPrefixes = ["_", "ga_", "google_", "firebase_", "dynamic_link_", "notification_"]

    /// Events that Enhanced Measurement collects on its own: redefining one double-counts.
    public static let enhancedMeasurementEvents: Set<String> = [
        "scroll", "click", "file_download", "form_start", "form_submit", "video_start", "video_progress",
        "video_complete", "page_view", "view_search_results",
    ]

    /// Events GA4 collects on its own (automatically, or through Enhanced Measurement): a capture
    /// holds them whether or not the plan lists them.
    public static let automaticEvents: Set<String> = enhancedMeasurementEvents.union([
        "first_visit", "session_start", "user_engagement", "first_open", "page_view",
    ])

    /// Parameters GA4 adds to events on its own: never unexpected, and not counted against the
    /// 25 parameters an event may carry.
    public static let automaticParams: Set<String> = predefinedParams.union([
        "ga_session_id", "ga_session_number", "engaged_session_event", "session_engaged", "entrances", "debug_mode",
        "ignore_referrer", "batch_page_id", "batch_ordering_id", "clean_event", "all_data", "gclid", "dclid", "srsltid",
        "currency", "items",
    ])

    /// Parameters whose value changes between two sends of the same action (engagement time,
    /// hit counters): left out when comparing events for duplicates.
    public static let volatileParams: Set<String> = ["engagement_time_msec", "_et", "ga_session_number", "entrances",
                                                     "session_engaged", "engaged_session_event", "batch_ordering_id", "batch_page_id"]

    /// The longest value of a string event parameter GA4 keeps, by parameter (default:
    /// ``maxParamValueLength``).
    public static let maxParamValueLengths: [String: Int] = ["page_location": 1000, "page_referrer": 420, "page_title": 300]
    /// The longest value of a string event parameter GA4 keeps.
    public static let maxParamValueLength = 100
    /// The longest user property name.
    public static let maxUserPropertyNameLength = 24
    /// The longest user property value.
    public static let maxUserPropertyValueLength = 36

    /// Parameter names GA4 reserves.
    public static let reservedParamNames: Set<String> = ["engagement_time_msec", "gclid", "session_id", "session_number"]

    /// Parameter name prefixes GA4 reserves.
    public static let reservedParamPrefixes = ["_", "firebase_", "ga_", "google_", "gtag."]
    /// The first bytes of ``reservedParamPrefixes``: a name starting with another byte has none
    /// of them (each starts with an ASCII character, which is a character of its own).
    public static let reservedPrefixStarts: Set<UInt8> = Set(reservedParamPrefixes.compactMap(\.utf8.first))

    /// Recommended events and their recommended parameters; `required` ones GA4 needs.
    public struct RecommendedEvent: Sendable {
        /// Parameters GA4 recommends.
        public var params: [String]
        /// Parameters GA4 requires for the event to be useful (`transaction_id` on `purchase`).
        public var required: [String]
    }

    /// GA4's recommended events (all properties, lead generation, ecommerce, games).
    public static let recommendedEvents: [String: RecommendedEvent] = [
        "login": .init(params: ["method"], required: []),
        "sign_up": .init(params: ["method"], required: []),
        "search": .init(params: ["search_term"], required: []),
        "share": .init(params: ["method", "content_type", "item_id"], required: []),
        "select_content": .init(params: ["content_type", "content_id"], required: []),
        "join_group": .init(params: ["group_id"], required: []),
        "generate_lead": .init(params: ["currency", "value", "lead_source"], required: []),
        "tutorial_begin": .init(params: [], required: []),
        "tutorial_complete": .init(params: [], required: []),
        "earn_virtual_currency": .init(params: [], required: []),
        "spend_virtual_currency": .init(params: [], required: []),
        "qualify_lead": .init(params: ["currency", "value"], required: []),
        "disqualify_lead": .init(params: ["currency", "value", "disqualified_lead_reason"], required: []),
        "working_lead": .init(params: ["currency", "value", "lead_status"], required: []),
        "close_convert_lead": .init(params: ["currency", "value"], required: []),
        "close_unconvert_lead": .init(params: ["currency", "value", "unconvert_lead_reason"], required: []),
        "view_item_list": .init(params: ["items", "item_list_id", "item_list_name"], required: []),
        "select_item": .init(params: ["items", "item_list_id", "item_list_name"], required: []),
        "view_item": .init(params: ["currency", "value", "items"], required: []),
        "add_to_cart": .init(params: ["currency", "value", "items"], required: []),
        "remove_from_cart": .init(params: ["currency", "value", "items"], required: []),
        "view_cart": .init(params: ["currency", "value", "items"], required: []),
        "add_to_wishlist": .init(params: ["currency", "value", "items"], required: []),
        "begin_checkout": .init(params: ["currency", "value", "items", "coupon"], required: []),
        "add_shipping_info": .init(params: ["currency", "value", "items", "coupon", "shipping_tier"], required: []),
        "add_payment_info": .init(params: ["currency", "value", "items", "coupon", "payment_type"], required: []),
        "purchase": .init(params: ["transaction_id", "value", "currency", "items", "coupon", "tax", "shipping"], required: ["transaction_id"]),
        "refund": .init(params: ["transaction_id", "value", "currency", "items"], required: ["transaction_id"]),
        "view_promotion": .init(params: ["creative_name", "creative_slot", "promotion_id", "promotion_name", "items"], required: []),
        "select_promotion": .init(params: ["creative_name", "creative_slot", "promotion_id", "promotion_name", "items"], required: []),
        "level_start": .init(params: ["level_name"], required: []),
        "level_end": .init(params: ["level_name", "success"], required: []),
        "level_up": .init(params: ["level", "character"], required: []),
        "post_score": .init(params: ["score", "level", "character"], required: []),
        "unlock_achievement": .init(params: ["achievement_id"], required: []),
    ]

    /// Custom names that mean a recommended event: synonym → recommended name.
    public static let recommendedSynonyms: [String: String] = [
        "cart_add": "add_to_cart", "add_cart": "add_to_cart", "addtocart": "add_to_cart", "add_item_to_cart": "add_to_cart",
        "product_added": "add_to_cart", "cart_remove": "remove_from_cart", "remove_cart": "remove_from_cart",
        "product_removed": "remove_from_cart", "cart_view": "view_cart", "cart_viewed": "view_cart",
        "checkout_start": "begin_checkout", "start_checkout": "begin_checkout", "checkout_started": "begin_checkout",
        "checkout_begin": "begin_checkout", "signup": "sign_up", "register": "sign_up", "registration": "sign_up",
        "account_created": "sign_up", "create_account": "sign_up", "signin": "login", "sign_in": "login", "log_in": "login",
        "logged_in": "login", "lead_submitted": "generate_lead", "lead_submit": "generate_lead", "lead": "generate_lead",
        "lead_generated": "generate_lead", "order_completed": "purchase", "order_complete": "purchase",
        "checkout_complete": "purchase", "checkout_completed": "purchase", "transaction": "purchase",
        "order_refunded": "refund", "product_viewed": "view_item", "product_view": "view_item", "item_view": "view_item",
        "product_list_viewed": "view_item_list", "product_clicked": "select_item", "wishlist_add": "add_to_wishlist",
        "add_wishlist": "add_to_wishlist", "product_added_to_wishlist": "add_to_wishlist", "search_performed": "search",
        "site_search": "search", "products_searched": "search", "content_shared": "share", "promotion_viewed": "view_promotion",
        "promotion_clicked": "select_promotion", "payment_info_entered": "add_payment_info",
        "shipping_info_entered": "add_shipping_info", "tutorial_start": "tutorial_begin",
    ]
}
