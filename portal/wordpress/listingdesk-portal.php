<?php
/**
 * Plugin Name:       ListingDesk Portal
 * Description:       What a classified-listing portal needs from WordPress for the ListingDesk
 *                    desktop client: a hierarchical "city" taxonomy, listing post meta in the
 *                    REST API, lookup by the client's idempotency key, and view counts.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           GPL-2.0-or-later
 *
 * Copyright (C) the ListingDesk authors.
 *
 * This program is free software; you can redistribute it and/or modify it under the terms of
 * the GNU General Public License as published by the Free Software Foundation; either
 * version 2 of the License, or (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY;
 * without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.
 * See the GNU General Public License for more details.
 *
 * Works as a normal plugin or as a must-use plugin (a single file in wp-content/mu-plugins).
 * It makes no outgoing network calls and schedules no cron jobs.
 *
 * REST contract (the client relies on it; change it only together with src/sync):
 * - GET /wp-json/listingdesk/v1/info (public) names the plugin, its version and features.
 * - taxonomy "city" on posts, hierarchical, at /wp/v2/city and as the "city" field of a
 *   post. Slugs are GB/T 2260 six-digit codes (140400 长治 under 140000 山西).
 * - post meta listingdesk_* in the "meta" field of a post; writes need the right to edit
 *   that post; invalid values are rejected with HTTP 400 and a message naming the field.
 * - GET /wp/v2/posts?listingdesk_client_key=KEY finds the posts carrying that key; with
 *   status=any (editors only) trashed posts are included, so a client never re-creates a
 *   post that someone trashed on the portal.
 */

namespace ListingDesk\Portal;

if (!defined('ABSPATH')) {
    exit;
}

const VERSION = '1.0.0';
const FEATURES = ['city', 'meta', 'client_key', 'views'];
const CLIENT_KEY_META = 'listingdesk_client_key';
const VIEWS_META = 'listingdesk_views';
const CLIENT_KEY_PATTERN = '^[A-Za-z0-9_-]{1,100}$';
// An empty string clears the expiry; otherwise a date or a date and time (ISO 8601).
const EXPIRES_PATTERN = '^$|^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$';

/** Meta key => JSON schema of its value. */
function meta_fields(): array
{
    return [
        CLIENT_KEY_META => [
            'type' => 'string',
            'description' => 'Idempotency key of one (listing, city) publication, set by the client.',
            'pattern' => CLIENT_KEY_PATTERN,
            'maxLength' => 100,
        ],
        'listingdesk_listing_uuid' => [
            'type' => 'string',
            'description' => 'UUID of the listing in the client library.',
            'maxLength' => 64,
        ],
        'listingdesk_contact_name' => ['type' => 'string', 'maxLength' => 100],
        'listingdesk_contact_phone' => ['type' => 'string', 'maxLength' => 50],
        'listingdesk_contact_wechat' => ['type' => 'string', 'maxLength' => 100],
        'listingdesk_price' => [
            'type' => 'number',
            'description' => 'Price in yuan; 0 means "negotiable" or not given.',
            'minimum' => 0,
        ],
        'listingdesk_expires_at' => [
            'type' => 'string',
            'description' => 'ISO 8601 date or date-time after which the listing is expired.',
            'pattern' => EXPIRES_PATTERN,
        ],
        'listingdesk_promoted' => ['type' => 'boolean', 'default' => false],
        VIEWS_META => [
            'type' => 'integer',
            'description' => 'Front-end views of the published post.',
            'minimum' => 0,
            'default' => 0,
        ],
    ];
}

function register_city_taxonomy(): void
{
    register_taxonomy('city', ['post'], [
        'labels' => [
            'name' => __('Cities', 'listingdesk-portal'),
            'singular_name' => __('City', 'listingdesk-portal'),
        ],
        'description' => 'GB/T 2260 administrative divisions; the slug is the six-digit code.',
        'hierarchical' => true,
        'public' => true,
        'show_admin_column' => true,
        'show_in_rest' => true,
        'rest_base' => 'city',
        'rewrite' => ['slug' => 'city', 'hierarchical' => true],
    ]);
}

function register_meta_fields(): void
{
    foreach (meta_fields() as $key => $schema) {
        $args = [
            'type' => $schema['type'],
            'description' => $schema['description'] ?? '',
            'single' => true,
            'show_in_rest' => ['schema' => $schema],
            // Writes through the REST API (and the editor) need the right to edit this post.
            'auth_callback' => function ($allowed, $meta_key, $post_id) {
                return current_user_can('edit_posts') && current_user_can('edit_post', $post_id);
            },
        ];
        if (array_key_exists('default', $schema)) {
            $args['default'] = $schema['default'];
        }
        register_post_meta('post', $key, $args);
    }
}

/** Documents and validates ?listingdesk_client_key= on /wp/v2/posts. */
function add_collection_param(array $params): array
{
    $params['listingdesk_client_key'] = [
        'description' => 'Limit the result to posts carrying this ListingDesk client key.',
        'type' => 'string',
        'pattern' => CLIENT_KEY_PATTERN,
    ];
    return $params;
}

function filter_posts_query(array $args, \WP_REST_Request $request): array
{
    $key = $request->get_param('listingdesk_client_key');
    if (!is_string($key) || $key === '') {
        return $args;
    }
    $args['meta_query'] = array_merge($args['meta_query'] ?? [], [
        ['key' => CLIENT_KEY_META, 'value' => $key, 'compare' => '='],
    ]);
    // WP_Query's "any" leaves out trashed posts. A lookup by key is how the client finds
    // out whether its post still exists, so it must see trashed ones too. The REST
    // controller has already refused status=any to users who cannot edit posts.
    $statuses = (array) ($args['post_status'] ?? []);
    if (in_array('any', $statuses, true)) {
        $args['post_status'] = array_values(array_diff(get_post_stati(), ['auto-draft', 'inherit']));
    }
    return $args;
}

function register_routes(): void
{
    register_rest_route('listingdesk/v1', '/info', [
        'methods' => \WP_REST_Server::READABLE,
        'permission_callback' => '__return_true',
        'callback' => function () {
            return rest_ensure_response([
                'plugin' => 'listingdesk-portal',
                'version' => VERSION,
                'features' => FEATURES,
            ]);
        },
    ]);
}

/**
 * Counts a front-end view of a single published post. One atomic UPDATE, so parallel
 * requests never lose a count and no cron job is needed; the first view inserts the row.
 */
function count_view(): void
{
    if (!is_singular('post') || is_preview() || is_embed() || is_feed()) {
        return;
    }
    if (($_SERVER['REQUEST_METHOD'] ?? 'GET') !== 'GET') {
        return;
    }
    $post = get_queried_object();
    if (!($post instanceof \WP_Post) || $post->post_status !== 'publish') {
        return;
    }
    global $wpdb;
    $updated = $wpdb->query($wpdb->prepare(
        "UPDATE {$wpdb->postmeta} SET meta_value = CAST(meta_value AS UNSIGNED) + 1
         WHERE post_id = %d AND meta_key = %s",
        $post->ID,
        VIEWS_META
    ));
    if ($updated === 0) {
        add_post_meta($post->ID, VIEWS_META, 1, true);
    }
    wp_cache_delete($post->ID, 'post_meta');
}

/** Gives every new post its views row, so that the first two views cannot race to insert it. */
function ensure_views_row(int $post_id): void
{
    if (!wp_is_post_revision($post_id)) {
        add_post_meta($post_id, VIEWS_META, 0, true);
    }
}

add_action('init', __NAMESPACE__ . '\\register_city_taxonomy');
add_action('init', __NAMESPACE__ . '\\register_meta_fields');
add_action('rest_api_init', __NAMESPACE__ . '\\register_routes');
add_filter('rest_post_collection_params', __NAMESPACE__ . '\\add_collection_param');
add_filter('rest_post_query', __NAMESPACE__ . '\\filter_posts_query', 10, 2);
add_action('template_redirect', __NAMESPACE__ . '\\count_view');
add_action('save_post_post', __NAMESPACE__ . '\\ensure_views_row');
