import TrackplanCore

/// The plan `trackplan init` writes: small, commented, and free of errors and warnings.
public enum StarterPlan {
    /// The starter plan's YAML.
    public static let yaml = """
    # yaml-language-server: $schema=./trackplan.schema.json
    #
    # A starter tracking plan, written by `trackplan init`. Edit it, then run
    #   trackplan lint trackplan.yaml     (checks it)
    #   trackplan build trackplan.yaml --out build/   (GTM container, GA4 settings, TRACKING.md)
    # The format is described in trackplan's README; your editor autocompletes it through the
    # schema named on the first line.
    trackplan: 1
    name: My Site
    description: What visitors do on the way to asking for a quote.

    ga4:
      # Your GA4 web stream's id (GA4 Admin → Data streams). Until it is set, `trackplan lint`
      # reminds you and the GTM container uses the placeholder G-XXXXXXXXXX.
      # measurement_id: G-XXXXXXXXXX

    # The funnel, first stage to last. Every micro-conversion belongs to one stage.
    stages:
      - id: awareness
        name: Discover
      - id: consideration
        name: Evaluate
      - id: decision
        name: Decide

    # Kinds of pages, matched by URL path. Each should have 5 to 10 micro-conversions.
    page_types:
      home:
        name: Home page
        match: {path: /}
        macro: generate_lead

    # Events: micro-conversions (small intent signals) and the macro-conversion they lead to.
    events:
      hero_cta_click:
        stage: awareness
        pages: [home]
        description: Visitor follows the main call to action.
        leads_to: generate_lead
        signal: 2
        trigger:
          click: {selector: '.hero a.button'}
        params:
          cta_text: {type: string, from: 'builtin:click_text'}
      services_section_view:
        stage: awareness
        pages: [home]
        description: Visitor scrolls down to what you offer.
        leads_to: generate_lead
        signal: 1
        trigger:
          visible: {selector: '#services'}
      explainer_video_watch:
        stage: consideration
        pages: [home]
        description: Visitor watches half of the explainer video.
        leads_to: generate_lead
        signal: 3
        trigger:
          video: {percent: [50]}
      page_read:
        stage: consideration
        pages: [home]
        description: Visitor reads most of the page.
        leads_to: generate_lead
        signal: 2
        trigger:
          scroll: {percent: [75]}
      pricing_link_click:
        stage: decision
        description: Visitor goes to the prices, from any page.
        leads_to: generate_lead
        signal: 4
        trigger:
          link_click: {url_contains: /pricing}

      generate_lead:
        kind: macro
        stage: decision
        description: Visitor sends the quote request form.
        trigger:
          form_submit: {form_id: quote-request}
        params:
          lead_source: {type: string, values: [home, pricing, contact], from: form.source}

    """
}
